CREATE TABLE `appointment_contacts` (
	`appointment_id` integer PRIMARY KEY NOT NULL,
	`hall_id` integer NOT NULL,
	`phone` text NOT NULL,
	`reminded_day_before_at` integer,
	`reminded_soon_at` integer,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointment_contacts_phone` ON `appointment_contacts` (`hall_id`,`phone`);--> statement-breakpoint
CREATE TABLE `appointment_holds` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`start_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointment_holds_slot` ON `appointment_holds` (`hall_id`,`service_id`,`start_at`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`code` text NOT NULL,
	`start_at` integer NOT NULL,
	`day` text NOT NULL,
	`status` text NOT NULL,
	`ticket_id` integer,
	`lang` text DEFAULT 'ar' NOT NULL,
	`user_id` integer,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	`checked_in_at` integer,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_code_unique` ON `appointments` (`code`);--> statement-breakpoint
CREATE INDEX `appointments_slot` ON `appointments` (`hall_id`,`service_id`,`start_at`,`status`);--> statement-breakpoint
CREATE INDEX `appointments_day` ON `appointments` (`hall_id`,`day`);--> statement-breakpoint
ALTER TABLE `services` ADD `appointments` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `slot_at` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `appointment_id` integer;