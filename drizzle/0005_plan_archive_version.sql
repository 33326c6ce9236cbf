ALTER TABLE `plan` ADD `archived` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `plan` ADD `version` integer DEFAULT 1 NOT NULL;