ALTER TABLE `halls` ADD `name_fr` text;--> statement-breakpoint
ALTER TABLE `services` ADD `name_fr` text;--> statement-breakpoint
ALTER TABLE `services` ADD `category_fr` text;--> statement-breakpoint
ALTER TABLE `services` ADD `what_to_bring_fr` text;