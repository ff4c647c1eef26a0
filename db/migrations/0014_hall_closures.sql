CREATE TABLE `hall_closures` (
	`hall_id` integer NOT NULL,
	`day` text NOT NULL,
	`reason_ar` text,
	`reason_en` text,
	`user_id` integer,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`hall_id`, `day`),
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
