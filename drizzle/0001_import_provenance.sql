ALTER TABLE `import_batch` ADD `kind` text;--> statement-breakpoint
ALTER TABLE `import_batch` ADD `url` text;--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_external_table_uq` ON `indicator` (`external_source`,`external_table`,`external_code`) WHERE "indicator"."external_table" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_external_code_uq` ON `indicator` (`external_source`,`external_code`) WHERE "indicator"."external_table" IS NULL;