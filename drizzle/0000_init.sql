CREATE TABLE `assessment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_id` integer NOT NULL,
	`goal_id` integer,
	`uppdrag_id` integer,
	`indicator_id` integer,
	`colour` text,
	`trend` text,
	`indicator_status` text,
	`comment` text,
	`source` text DEFAULT 'manual' NOT NULL,
	`computed_colour` text,
	`computed_reason` text,
	`explanation` text,
	`override_reason` text,
	`data_period` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `follow_up_period`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `goal`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uppdrag_id`) REFERENCES `uppdrag`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assessment_one_subject" CHECK(("assessment"."goal_id" IS NOT NULL) + ("assessment"."uppdrag_id" IS NOT NULL) + ("assessment"."indicator_id" IS NOT NULL) = 1),
	CONSTRAINT "assessment_override_reason" CHECK("assessment"."source" = 'computed' OR "assessment"."computed_colour" IS NULL OR "assessment"."colour" IS "assessment"."computed_colour" OR "assessment"."override_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_goal_uq` ON `assessment` (`period_id`,`goal_id`) WHERE "assessment"."goal_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_uppdrag_uq` ON `assessment` (`period_id`,`uppdrag_id`) WHERE "assessment"."uppdrag_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_indicator_uq` ON `assessment` (`period_id`,`indicator_id`) WHERE "assessment"."indicator_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `follow_up_period` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`slug` text NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`end_date` text NOT NULL,
	`deadline` text,
	`state` text DEFAULT 'open' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `period_plan_slug_uq` ON `follow_up_period` (`plan_id`,`slug`);--> statement-breakpoint
CREATE INDEX `period_plan_end_idx` ON `follow_up_period` (`plan_id`,`end_date`);--> statement-breakpoint
CREATE TABLE `geography` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kolada_id` text NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_id` integer,
	FOREIGN KEY (`parent_id`) REFERENCES `geography`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `geography_code_uq` ON `geography` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `geography_kolada_uq` ON `geography` (`kolada_id`);--> statement-breakpoint
CREATE INDEX `geography_parent_idx` ON `geography` (`parent_id`,`name`);--> statement-breakpoint
CREATE TABLE `goal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`parent_id` integer,
	`depth` integer DEFAULT 0 NOT NULL,
	`number` text,
	`label` text,
	`title` text NOT NULL,
	`description` text,
	`origin` text DEFAULT 'other' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `goal`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `goal_plan_parent_idx` ON `goal` (`plan_id`,`parent_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `goal_parent_idx` ON `goal` (`parent_id`);--> statement-breakpoint
CREATE TABLE `goal_indicator` (
	`goal_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`goal_id`, `indicator_id`),
	FOREIGN KEY (`goal_id`) REFERENCES `goal`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `goal_indicator_indicator_idx` ON `goal_indicator` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `import_batch` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`file_name` text,
	`sha256` text,
	`imported_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`imported_by` text,
	`counts` text
);
--> statement-breakpoint
CREATE TABLE `indicator` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`definition` text,
	`unit` text,
	`decimals` integer DEFAULT 0 NOT NULL,
	`direction` text DEFAULT 'none' NOT NULL,
	`source` text,
	`attribution` text,
	`frequency` text DEFAULT 'year' NOT NULL,
	`external_source` text,
	`external_code` text,
	`external_table` text,
	`tolerance` real DEFAULT 0.05 NOT NULL,
	`neutral_band` real DEFAULT 0.01 NOT NULL,
	`progress_rule` text DEFAULT 'none' NOT NULL,
	`organisation_id` integer,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_slug_uq` ON `indicator` (`slug`);--> statement-breakpoint
CREATE INDEX `indicator_external_idx` ON `indicator` (`external_source`,`external_table`,`external_code`);--> statement-breakpoint
CREATE TABLE `observation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`geography_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_kind` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`sex` text DEFAULT 'T' NOT NULL,
	`value` real,
	`text_value` text,
	`missing_symbol` text,
	`printed` text,
	`note` text,
	`batch_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`geography_id`) REFERENCES `geography`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batch`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "observation_one_kind" CHECK(("observation"."value" IS NOT NULL) + ("observation"."text_value" IS NOT NULL) + ("observation"."missing_symbol" IS NOT NULL) <= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observation_key_uq` ON `observation` (`indicator_id`,`geography_id`,`sex`,`period`);--> statement-breakpoint
CREATE INDEX `observation_series_idx` ON `observation` (`indicator_id`,`geography_id`,`sex`,`period_end`);--> statement-breakpoint
CREATE INDEX `observation_geo_period_idx` ON `observation` (`indicator_id`,`period_end`,`sex`);--> statement-breakpoint
CREATE INDEX `observation_batch_idx` ON `observation` (`batch_id`);--> statement-breakpoint
CREATE TABLE `organisation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'region' NOT NULL,
	`description` text,
	`geography_id` integer,
	`is_example` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`geography_id`) REFERENCES `geography`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisation_slug_uq` ON `organisation` (`slug`);--> statement-breakpoint
CREATE TABLE `plan` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`start_year` integer,
	`end_year` integer,
	`level_names` text NOT NULL,
	`description` text,
	`source` text,
	`geography_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`geography_id`) REFERENCES `geography`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_org_slug_uq` ON `plan` (`organisation_id`,`slug`);--> statement-breakpoint
CREATE TABLE `target` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`goal_id` integer,
	`geography_id` integer,
	`kind` text NOT NULL,
	`value` real,
	`value_high` real,
	`reference` text,
	`base_period` text,
	`target_period` text,
	`benchmark` text,
	`benchmark_side` text,
	`benchmark_measure` text,
	`wording` text NOT NULL,
	`rank` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `goal`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`geography_id`) REFERENCES `geography`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `target_indicator_idx` ON `target` (`indicator_id`,`goal_id`,`rank`);--> statement-breakpoint
CREATE TABLE `uppdrag` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`goal_id` integer,
	`number` text,
	`label` text,
	`plan_year` integer,
	`text` text NOT NULL,
	`origin` text DEFAULT 'other' NOT NULL,
	`owner` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `goal`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `uppdrag_plan_idx` ON `uppdrag` (`plan_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `uppdrag_goal_idx` ON `uppdrag` (`goal_id`);