CREATE TABLE `audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`object` text,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `chain_leaders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chain_id` text NOT NULL,
	`node_id` text NOT NULL,
	`park_id` text NOT NULL,
	`company` text NOT NULL,
	`source` text NOT NULL,
	FOREIGN KEY (`chain_id`) REFERENCES `chains`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`node_id`) REFERENCES `chain_nodes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `chain_nodes` (
	`id` text PRIMARY KEY NOT NULL,
	`chain_id` text NOT NULL,
	`tier` text NOT NULL,
	`name` text NOT NULL,
	`codes` text NOT NULL,
	`terms` text NOT NULL,
	FOREIGN KEY (`chain_id`) REFERENCES `chains`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `chain_nodes_chain_idx` ON `chain_nodes` (`chain_id`);--> statement-breakpoint
CREATE TABLE `chains` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`positionings` text NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`lead` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `industries` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`code` text,
	`name` text NOT NULL,
	`level` integer,
	`parent` text,
	`section` text,
	`remark` text,
	`aliases` text NOT NULL,
	`parents` text NOT NULL,
	`codes` text NOT NULL,
	`terms` text NOT NULL,
	`related` text NOT NULL,
	`system` text,
	`sector` text,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `industries_code_idx` ON `industries` (`code`);--> statement-breakpoint
CREATE INDEX `industries_kind_idx` ON `industries` (`kind`);--> statement-breakpoint
CREATE TABLE `job_rows` (
	`job_id` text NOT NULL,
	`row_no` integer NOT NULL,
	`input` text NOT NULL,
	`lead` text,
	`result` text,
	PRIMARY KEY(`job_id`, `row_no`),
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`file_name` text,
	`total` integer DEFAULT 0 NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`columns` text NOT NULL,
	`errors` text NOT NULL,
	`message` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lead_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` text NOT NULL,
	`at` text NOT NULL,
	`actor` text,
	`change` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lead_history_lead_idx` ON `lead_history` (`lead_id`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`company` text,
	`lead` text NOT NULL,
	`stage` text DEFAULT '线索' NOT NULL,
	`source_town` text,
	`owner` text,
	`review_level` text,
	`park_id` text,
	`space_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `leads_stage_idx` ON `leads` (`stage`);--> statement-breakpoint
CREATE INDEX `leads_town_idx` ON `leads` (`source_town`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` text NOT NULL,
	`role` text NOT NULL,
	`text` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `messages_conv_idx` ON `messages` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `park_chain_nodes` (
	`park_id` text NOT NULL,
	`node_id` text NOT NULL,
	`role` text NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`park_id`, `node_id`, `role`),
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`node_id`) REFERENCES `chain_nodes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `parks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`aliases` text NOT NULL,
	`city` text NOT NULL,
	`district` text NOT NULL,
	`town` text NOT NULL,
	`kind` text NOT NULL,
	`program` text NOT NULL,
	`batch` text,
	`seq` integer,
	`land_area_mu` real,
	`land_use` text,
	`start_time` text,
	`positioning` text,
	`leading_industries` text NOT NULL,
	`supporting_industries` text NOT NULL,
	`developer` text,
	`plot_ratio_min` real,
	`env_class` text NOT NULL,
	`leading_share_target` real,
	`leading_share_current` real,
	`standards` text,
	`description` text DEFAULT '' NOT NULL,
	`facts` text NOT NULL,
	`source` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `parks_district_idx` ON `parks` (`district`);--> statement-breakpoint
CREATE TABLE `policy_facts` (
	`id` text PRIMARY KEY NOT NULL,
	`jurisdiction` text NOT NULL,
	`applies_to` text,
	`key` text NOT NULL,
	`text` text NOT NULL,
	`value` real,
	`unit` text,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `routings` (
	`id` text PRIMARY KEY NOT NULL,
	`lead_id` text NOT NULL,
	`plan_id` text,
	`from_town` text,
	`from_park_id` text,
	`to_park_id` text,
	`to_town` text,
	`space_id` text,
	`score` real,
	`status` text NOT NULL,
	`actor` text,
	`reasons` text NOT NULL,
	`credit_town` text,
	`review_level` text,
	`at` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `routings_lead_idx` ON `routings` (`lead_id`);--> statement-breakpoint
CREATE INDEX `routings_space_idx` ON `routings` (`space_id`);--> statement-breakpoint
CREATE TABLE `rules` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scope_level` text NOT NULL,
	`scope_value` text,
	`effect` text NOT NULL,
	`match` text NOT NULL,
	`threshold` text,
	`review_level` text,
	`env_classes` text NOT NULL,
	`reason` text NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `spaces` (
	`id` text PRIMARY KEY NOT NULL,
	`park_id` text NOT NULL,
	`building` text NOT NULL,
	`floor` integer NOT NULL,
	`area_m2` real NOT NULL,
	`land_mu` real,
	`clear_height_m` real,
	`floor_load_kn_m2` real,
	`kind` text NOT NULL,
	`status` text DEFAULT 'vacant' NOT NULL,
	`available_from` text,
	`rent_yuan_per_m2_day` real,
	`reserved_by` text,
	`source` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`park_id`) REFERENCES `parks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `spaces_park_idx` ON `spaces` (`park_id`);--> statement-breakpoint
CREATE INDEX `spaces_status_idx` ON `spaces` (`status`);