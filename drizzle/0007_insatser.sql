CREATE TABLE `analysis` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`year` integer NOT NULL,
	`row_number` integer NOT NULL,
	`type` text,
	`name` text NOT NULL,
	`financed_by_1_1` integer,
	`how_used` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analysis_org_year_row_uq` ON `analysis` (`organisation_id`,`year`,`row_number`);--> statement-breakpoint
CREATE TABLE `external_goal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`system_id` integer NOT NULL,
	`code` text,
	`title` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`system_id`) REFERENCES `goal_system`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `external_goal_system_title_uq` ON `external_goal` (`system_id`,`title`);--> statement-breakpoint
CREATE TABLE `goal_system` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text,
	`source` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goal_system_slug_uq` ON `goal_system` (`slug`);--> statement-breakpoint
CREATE TABLE `insats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`owner_name` text,
	`period_from` text,
	`period_to` text,
	`nyps_ids` text DEFAULT '[]' NOT NULL,
	`nyps_printed` text DEFAULT '[]' NOT NULL,
	`status` text,
	`whole_county` integer,
	`state` text DEFAULT 'draft' NOT NULL,
	`import_key` text,
	`source` text,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `insats_org_idx` ON `insats` (`organisation_id`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `insats_import_key_uq` ON `insats` (`organisation_id`,`import_key`) WHERE "insats"."import_key" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `insats_figure` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`insats_id` integer NOT NULL,
	`result_id` integer,
	`year` integer,
	`printed` text NOT NULL,
	`value` real,
	`range_low` real,
	`range_high` real,
	`unit` text,
	`kind` text,
	`approx` text,
	`qualifier` text,
	`sex` text DEFAULT 'T' NOT NULL,
	`what` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`insats_id`) REFERENCES `insats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`result_id`) REFERENCES `insats_result`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `insats_figure_insats_idx` ON `insats_figure` (`insats_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `insats_figure_result_idx` ON `insats_figure` (`result_id`);--> statement-breakpoint
CREATE TABLE `insats_financing` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`insats_id` integer NOT NULL,
	`source` text NOT NULL,
	`amount` real,
	`year` integer,
	`note` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`insats_id`) REFERENCES `insats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `insats_financing_insats_idx` ON `insats_financing` (`insats_id`);--> statement-breakpoint
CREATE INDEX `insats_financing_source_idx` ON `insats_financing` (`source`);--> statement-breakpoint
CREATE TABLE `insats_geography` (
	`insats_id` integer NOT NULL,
	`geography_id` integer NOT NULL,
	PRIMARY KEY(`insats_id`, `geography_id`),
	FOREIGN KEY (`insats_id`) REFERENCES `insats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`geography_id`) REFERENCES `geography`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `insats_geography_geo_idx` ON `insats_geography` (`geography_id`);--> statement-breakpoint
CREATE TABLE `insats_goal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`insats_id` integer NOT NULL,
	`goal_id` integer,
	`external_goal_id` integer,
	`label` text,
	`printed` text,
	`note` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`insats_id`) REFERENCES `insats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `goal`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`external_goal_id`) REFERENCES `external_goal`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "insats_goal_one_target" CHECK(("insats_goal"."goal_id" IS NOT NULL) + ("insats_goal"."external_goal_id" IS NOT NULL) + ("insats_goal"."printed" IS NOT NULL) >= 1 AND NOT ("insats_goal"."goal_id" IS NOT NULL AND "insats_goal"."external_goal_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `insats_goal_insats_idx` ON `insats_goal` (`insats_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `insats_goal_goal_idx` ON `insats_goal` (`goal_id`);--> statement-breakpoint
CREATE INDEX `insats_goal_external_idx` ON `insats_goal` (`external_goal_id`);--> statement-breakpoint
CREATE TABLE `insats_result` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`insats_id` integer NOT NULL,
	`year` integer NOT NULL,
	`type` text NOT NULL,
	`term` text,
	`basis` text,
	`text` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`insats_id`) REFERENCES `insats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `insats_result_insats_idx` ON `insats_result` (`insats_id`,`year`,`type`,`sort_order`);--> statement-breakpoint
CREATE TABLE `report_row` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`section_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`insats_id` integer,
	`goal_text` text,
	`name` text,
	`description` text,
	`result_text` text,
	`refers_to` text,
	`uncertain` integer DEFAULT false NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `report_section`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`insats_id`) REFERENCES `insats`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_row_uq` ON `report_row` (`section_id`,`row_number`);--> statement-breakpoint
CREATE INDEX `report_row_insats_idx` ON `report_row` (`insats_id`);--> statement-breakpoint
CREATE TABLE `report_section` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`year` integer NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`part` text,
	`priority_id` integer,
	`note_printed` text,
	`columns` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`priority_id`) REFERENCES `external_goal`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_section_uq` ON `report_section` (`organisation_id`,`year`,`kind`,`code`);