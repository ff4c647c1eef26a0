CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`counter_id` integer,
	`score` integer NOT NULL,
	`comment` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_ticket_id_unique` ON `ratings` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `ratings_hall_at` ON `ratings` (`hall_id`,`at`);--> statement-breakpoint
CREATE TABLE `ticket_contacts` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`hall_id` integer NOT NULL,
	`phone` text NOT NULL,
	`notified_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_contacts_hall` ON `ticket_contacts` (`hall_id`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `remote` integer DEFAULT false NOT NULL;