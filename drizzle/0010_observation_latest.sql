-- The latest observation of each series (issue 7), derived from observation and kept current by its writers
-- (src/lib/server/db/observation-latest.ts). WITHOUT ROWID is added by hand: drizzle-kit cannot express it.
CREATE TABLE `observation_latest` (
	`indicator_id` integer NOT NULL,
	`geography_id` integer NOT NULL,
	`sex` text NOT NULL,
	`period` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`value` real,
	`text_value` text,
	`missing_symbol` text,
	`printed` text,
	`note` text,
	PRIMARY KEY(`geography_id`, `sex`, `indicator_id`),
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`geography_id`) REFERENCES `geography`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `observation_latest_indicator_idx` ON `observation_latest` (`indicator_id`,`period_end`,`period_start`);--> statement-breakpoint
INSERT INTO `observation_latest` (`indicator_id`, `geography_id`, `sex`, `period`, `period_start`, `period_end`, `value`, `text_value`, `missing_symbol`, `printed`, `note`)
SELECT o.indicator_id, o.geography_id, o.sex, o.period, o.period_start, o.period_end, o.value, o.text_value, o.missing_symbol, o.printed, o.note
FROM (SELECT DISTINCT indicator_id, geography_id, sex FROM observation) s JOIN observation o
  ON o.indicator_id = s.indicator_id AND o.geography_id = s.geography_id AND o.sex = s.sex
 AND o.period = (SELECT x.period FROM observation x WHERE x.indicator_id = s.indicator_id AND x.geography_id = s.geography_id AND x.sex = s.sex
                 ORDER BY x.period_end DESC, x.period_start DESC LIMIT 1);
