CREATE TABLE `insats_draft` (
	`insats_id` integer PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`base_version` integer NOT NULL,
	`version` integer NOT NULL,
	`updated_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`insats_id`) REFERENCES `insats`(`id`) ON UPDATE no action ON DELETE cascade
);
