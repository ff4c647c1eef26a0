ALTER TABLE `services` ADD `daily_limit` integer;--> statement-breakpoint
ALTER TABLE `services` ADD `hours` text;--> statement-breakpoint
ALTER TABLE `services` ADD `category_ar` text;--> statement-breakpoint
ALTER TABLE `services` ADD `category_en` text;--> statement-breakpoint
ALTER TABLE `services` ADD `what_to_bring_ar` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `what_to_bring_en` text DEFAULT '[]' NOT NULL;