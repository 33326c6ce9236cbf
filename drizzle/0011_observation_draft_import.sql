ALTER TABLE `observation_draft` ADD `printed` text;--> statement-breakpoint
ALTER TABLE `observation_draft` ADD `batch_id` integer;