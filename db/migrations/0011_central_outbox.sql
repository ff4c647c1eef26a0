CREATE TABLE `central_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`acked_seq` integer DEFAULT 0 NOT NULL,
	`pruned_through` integer DEFAULT 0 NOT NULL,
	`config_version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `central_state` (`id`) VALUES (1);--> statement-breakpoint
CREATE TRIGGER `outbox_ticket_events` AFTER INSERT ON `ticket_events` BEGIN
	INSERT INTO `outbox` (`kind`, `ref_id`) VALUES ('ticket', NEW.`id`);
END;--> statement-breakpoint
CREATE TRIGGER `outbox_counter_events` AFTER INSERT ON `counter_events` BEGIN
	INSERT INTO `outbox` (`kind`, `ref_id`) VALUES ('counter', NEW.`id`);
END;--> statement-breakpoint
CREATE TRIGGER `outbox_ratings` AFTER INSERT ON `ratings` BEGIN
	INSERT INTO `outbox` (`kind`, `ref_id`) VALUES ('rating', NEW.`id`);
END;--> statement-breakpoint
-- The history of a hall upgraded from an earlier release ships too: ticket events in id order
-- (a ticket event is placed at the latest time of those before it, should the clock have gone
-- back), counter events and ratings merged in by time (at the same time: a counter opens, then calls).
INSERT INTO `outbox` (`kind`, `ref_id`)
SELECT `kind`, `ref_id` FROM (
	SELECT 'ticket' AS `kind`, `id` AS `ref_id`, max(`at`) OVER (ORDER BY `id`) AS `placed`, 1 AS `rank` FROM `ticket_events`
	UNION ALL SELECT 'counter', `id`, `at`, 0 FROM `counter_events`
	UNION ALL SELECT 'rating', `id`, `at`, 2 FROM `ratings`
) ORDER BY `placed`, `rank`, `ref_id`;
