CREATE TABLE `period_approval` (
	`period_id` integer PRIMARY KEY NOT NULL,
	`meeting_date` text NOT NULL,
	`paragraph` text NOT NULL,
	`approved_by` integer,
	`approved_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`published_by` integer,
	`published_at` text,
	FOREIGN KEY (`period_id`) REFERENCES `follow_up_period`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "period_approval_meeting_date" CHECK("period_approval"."meeting_date" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE TABLE `review_comment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_id` integer NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`user_id` integer,
	`author_name` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `follow_up_period`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "review_comment_body" CHECK(length(trim("review_comment"."body")) > 0)
);
--> statement-breakpoint
CREATE INDEX `review_comment_subject_idx` ON `review_comment` (`period_id`,`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE TABLE `review_ready_mark` (
	`period_id` integer NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`marked_by` integer,
	`marked_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`period_id`, `subject_kind`, `subject_id`),
	FOREIGN KEY (`period_id`) REFERENCES `follow_up_period`(`id`) ON UPDATE no action ON DELETE cascade
);
