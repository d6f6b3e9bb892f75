-- Compact job storage (issue 17): the job's texts once per job, and both tables WITHOUT ROWID so the
-- primary key (job_id, row_no) is the table itself instead of a second B-tree beside it (54 B per row).
-- Written by hand: drizzle-kit cannot express WITHOUT ROWID; the columns are those of schema.ts.
CREATE TABLE `job_strings` (
	`job_id` text NOT NULL,
	`id` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`job_id`, `id`),
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `job_rows_compact` (
	`job_id` text NOT NULL,
	`row_no` integer NOT NULL,
	`input` text NOT NULL,
	`lead` text,
	`result` text,
	PRIMARY KEY(`job_id`, `row_no`),
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `job_rows_compact` (`job_id`, `row_no`, `input`, `lead`, `result`) SELECT `job_id`, `row_no`, `input`, `lead`, `result` FROM `job_rows`;
--> statement-breakpoint
DROP TABLE `job_rows`;
--> statement-breakpoint
ALTER TABLE `job_rows_compact` RENAME TO `job_rows`;
