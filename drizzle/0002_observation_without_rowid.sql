-- Observation keyed and clustered by (indicator, geography, sex, period), WITHOUT ROWID; no id, no per-row
-- timestamps, no secondary indexes (see schema.ts). WITHOUT ROWID is added by hand: drizzle-kit cannot express it.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_observation` (
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
	PRIMARY KEY(`indicator_id`, `geography_id`, `sex`, `period`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`geography_id`) REFERENCES `geography`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batch`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "observation_one_kind" CHECK(("__new_observation"."value" IS NOT NULL) + ("__new_observation"."text_value" IS NOT NULL) + ("__new_observation"."missing_symbol" IS NOT NULL) <= 1)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_observation`("indicator_id", "geography_id", "period", "period_kind", "period_start", "period_end", "sex", "value", "text_value", "missing_symbol", "printed", "note", "batch_id", "version") SELECT "indicator_id", "geography_id", "period", "period_kind", "period_start", "period_end", "sex", "value", "text_value", "missing_symbol", "printed", "note", "batch_id", "version" FROM `observation`;--> statement-breakpoint
DROP TABLE `observation`;--> statement-breakpoint
ALTER TABLE `__new_observation` RENAME TO `observation`;--> statement-breakpoint
PRAGMA foreign_keys=ON;