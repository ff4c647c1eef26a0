PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_halls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_ar` text NOT NULL,
	`name_en` text,
	`name_fr` text,
	`time_zone` text DEFAULT 'Asia/Damascus' NOT NULL,
	`opening_hours` text NOT NULL,
	`settings` text NOT NULL,
	`current_day` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_halls`("id", "name_ar", "name_en", "name_fr", "time_zone", "opening_hours", "settings", "current_day", "created_at") SELECT "id", "name_ar", "name_en", "name_fr", "time_zone", "opening_hours", "settings", "current_day", "created_at" FROM `halls`;--> statement-breakpoint
DROP TABLE `halls`;--> statement-breakpoint
ALTER TABLE `__new_halls` RENAME TO `halls`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`code` text NOT NULL,
	`name_ar` text NOT NULL,
	`name_en` text,
	`name_fr` text,
	`target_wait_s` integer DEFAULT 900 NOT NULL,
	`avg_service_s` integer DEFAULT 300 NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`daily_limit` integer,
	`hours` text,
	`category_ar` text,
	`category_en` text,
	`category_fr` text,
	`what_to_bring_ar` text DEFAULT '[]' NOT NULL,
	`what_to_bring_en` text,
	`what_to_bring_fr` text,
	`closed_on_day` text,
	`appointments` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_services`("id", "hall_id", "code", "name_ar", "name_en", "name_fr", "target_wait_s", "avg_service_s", "sort_order", "active", "daily_limit", "hours", "category_ar", "category_en", "category_fr", "what_to_bring_ar", "what_to_bring_en", "what_to_bring_fr", "closed_on_day", "appointments", "created_at") SELECT "id", "hall_id", "code", "name_ar", "name_en", "name_fr", "target_wait_s", "avg_service_s", "sort_order", "active", "daily_limit", "hours", "category_ar", "category_en", "category_fr", "what_to_bring_ar", "what_to_bring_en", "what_to_bring_fr", "closed_on_day", "appointments", "created_at" FROM `services`;--> statement-breakpoint
DROP TABLE `services`;--> statement-breakpoint
ALTER TABLE `__new_services` RENAME TO `services`;--> statement-breakpoint
CREATE UNIQUE INDEX `services_hall_code` ON `services` (`hall_id`,`code`);