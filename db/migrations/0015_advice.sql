CREATE TABLE `advice_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`kind` text NOT NULL,
	`counter_id` integer,
	`service_ids` text NOT NULL,
	`for_minutes` integer,
	`effect` text NOT NULL,
	`status` text DEFAULT 'shown' NOT NULL,
	`shown_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	`followed_wait_s` integer,
	`followed_calls` integer,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `advice_log_hall_shown` ON `advice_log` (`hall_id`,`shown_at`);--> statement-breakpoint
ALTER TABLE `counters` ADD `qualified_service_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `counters` ADD `services_changed_at` integer;--> statement-breakpoint
UPDATE `counters` SET `qualified_service_ids` = (SELECT json_group_array(`service_id`) FROM `counter_services` WHERE `counter_id` = `counters`.`id`);
