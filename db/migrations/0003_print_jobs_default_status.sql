PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_print_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`printer_id` integer NOT NULL,
	`ticket_id` integer,
	`status` text DEFAULT 'queued' NOT NULL,
	`data` blob NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer,
	`printed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`printer_id`) REFERENCES `printers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_print_jobs`("id", "hall_id", "printer_id", "ticket_id", "status", "data", "attempts", "last_error", "next_attempt_at", "printed_at", "created_at", "updated_at") SELECT "id", "hall_id", "printer_id", "ticket_id", "status", "data", "attempts", "last_error", "next_attempt_at", "printed_at", "created_at", "updated_at" FROM `print_jobs`;--> statement-breakpoint
DROP TABLE `print_jobs`;--> statement-breakpoint
ALTER TABLE `__new_print_jobs` RENAME TO `print_jobs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `print_jobs_printer_status` ON `print_jobs` (`printer_id`,`status`);