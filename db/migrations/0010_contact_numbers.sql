PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_ticket_contacts` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`hall_id` integer NOT NULL,
	`phone` text,
	`notified_at` integer,
	`numbers_saved` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_ticket_contacts`("ticket_id", "hall_id", "phone", "notified_at", "created_at") SELECT "ticket_id", "hall_id", "phone", "notified_at", "created_at" FROM `ticket_contacts`;--> statement-breakpoint
DROP TABLE `ticket_contacts`;--> statement-breakpoint
ALTER TABLE `__new_ticket_contacts` RENAME TO `ticket_contacts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `ticket_contacts_hall` ON `ticket_contacts` (`hall_id`);