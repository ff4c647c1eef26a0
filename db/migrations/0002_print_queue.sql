ALTER TABLE `print_jobs` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `printed_at` integer;