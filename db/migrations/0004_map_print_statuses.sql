-- Print job statuses before the print queue: pending → queued, done → printed.
UPDATE `print_jobs` SET `status` = 'queued' WHERE `status` = 'pending';--> statement-breakpoint
UPDATE `print_jobs` SET `status` = 'printed' WHERE `status` = 'done';
