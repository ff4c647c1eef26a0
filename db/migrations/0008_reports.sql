CREATE TABLE `report_cache_state` (
	`hall_id` integer PRIMARY KEY NOT NULL,
	`events_through` integer NOT NULL,
	`ratings_through` integer NOT NULL,
	`config` text NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_days` (
	`hall_id` integer NOT NULL,
	`day` text NOT NULL,
	`grouping` text NOT NULL,
	`lo` integer NOT NULL,
	`hi` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`hall_id`, `day`, `grouping`),
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_days_hi` ON `report_days` (`hall_id`,`hi`);--> statement-breakpoint
CREATE INDEX `counter_events_counter_at` ON `counter_events` (`hall_id`,`counter_id`,`at`);--> statement-breakpoint
CREATE INDEX `ticket_events_report` ON `ticket_events` (`hall_id`,`ticket_id`,`type`);