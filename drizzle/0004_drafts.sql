CREATE TABLE `assessment_draft` (
	`period_id` integer NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`colour` text,
	`override_reason` text,
	`comment` text,
	`base_version` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`period_id`, `subject_kind`, `subject_id`),
	FOREIGN KEY (`period_id`) REFERENCES `follow_up_period`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assessment_draft_subject_idx` ON `assessment_draft` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `observation_draft` (
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
	`note` text,
	`remove` integer DEFAULT false NOT NULL,
	`base_version` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`indicator_id`, `geography_id`, `sex`, `period`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`geography_id`) REFERENCES `geography`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "observation_draft_one_kind" CHECK(("observation_draft"."value" IS NOT NULL) + ("observation_draft"."text_value" IS NOT NULL) + ("observation_draft"."missing_symbol" IS NOT NULL) <= 1)
);
