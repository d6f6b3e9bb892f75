CREATE TABLE `jurisdictions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`districts` text NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `jobs` ADD `jurisdiction_id` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `jurisdiction_id` text;