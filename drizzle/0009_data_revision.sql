CREATE TABLE `data_revision` (
	`id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`changed_at_ms` integer NOT NULL,
	CONSTRAINT "data_revision_one_row" CHECK("data_revision"."id" = 1)
);
--> statement-breakpoint
INSERT INTO `data_revision` (`id`, `revision`, `changed_at_ms`) VALUES (1, 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
--> statement-breakpoint
CREATE TRIGGER `data_revision_analysis_insert` AFTER INSERT ON `analysis` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_analysis_update` AFTER UPDATE ON `analysis` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_analysis_delete` AFTER DELETE ON `analysis` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_assessment_insert` AFTER INSERT ON `assessment` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_assessment_update` AFTER UPDATE ON `assessment` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_assessment_delete` AFTER DELETE ON `assessment` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_external_goal_insert` AFTER INSERT ON `external_goal` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_external_goal_update` AFTER UPDATE ON `external_goal` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_external_goal_delete` AFTER DELETE ON `external_goal` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_follow_up_period_insert` AFTER INSERT ON `follow_up_period` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_follow_up_period_update` AFTER UPDATE ON `follow_up_period` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_follow_up_period_delete` AFTER DELETE ON `follow_up_period` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_geography_insert` AFTER INSERT ON `geography` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_geography_update` AFTER UPDATE ON `geography` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_geography_delete` AFTER DELETE ON `geography` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_goal_insert` AFTER INSERT ON `goal` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_goal_update` AFTER UPDATE ON `goal` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_goal_delete` AFTER DELETE ON `goal` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_goal_indicator_insert` AFTER INSERT ON `goal_indicator` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_goal_indicator_update` AFTER UPDATE ON `goal_indicator` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_goal_indicator_delete` AFTER DELETE ON `goal_indicator` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_goal_system_insert` AFTER INSERT ON `goal_system` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_goal_system_update` AFTER UPDATE ON `goal_system` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_goal_system_delete` AFTER DELETE ON `goal_system` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_import_batch_insert` AFTER INSERT ON `import_batch` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_import_batch_update` AFTER UPDATE ON `import_batch` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_import_batch_delete` AFTER DELETE ON `import_batch` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_indicator_insert` AFTER INSERT ON `indicator` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_indicator_update` AFTER UPDATE ON `indicator` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_indicator_delete` AFTER DELETE ON `indicator` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_insert` AFTER INSERT ON `insats` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_update` AFTER UPDATE ON `insats` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_delete` AFTER DELETE ON `insats` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_figure_insert` AFTER INSERT ON `insats_figure` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_figure_update` AFTER UPDATE ON `insats_figure` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_figure_delete` AFTER DELETE ON `insats_figure` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_financing_insert` AFTER INSERT ON `insats_financing` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_financing_update` AFTER UPDATE ON `insats_financing` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_financing_delete` AFTER DELETE ON `insats_financing` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_geography_insert` AFTER INSERT ON `insats_geography` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_geography_update` AFTER UPDATE ON `insats_geography` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_geography_delete` AFTER DELETE ON `insats_geography` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_goal_insert` AFTER INSERT ON `insats_goal` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_goal_update` AFTER UPDATE ON `insats_goal` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_goal_delete` AFTER DELETE ON `insats_goal` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_result_insert` AFTER INSERT ON `insats_result` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_result_update` AFTER UPDATE ON `insats_result` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_insats_result_delete` AFTER DELETE ON `insats_result` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_organisation_insert` AFTER INSERT ON `organisation` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_organisation_update` AFTER UPDATE ON `organisation` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_organisation_delete` AFTER DELETE ON `organisation` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_period_approval_insert` AFTER INSERT ON `period_approval` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_period_approval_update` AFTER UPDATE ON `period_approval` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_period_approval_delete` AFTER DELETE ON `period_approval` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_plan_insert` AFTER INSERT ON `plan` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_plan_update` AFTER UPDATE ON `plan` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_plan_delete` AFTER DELETE ON `plan` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_report_row_insert` AFTER INSERT ON `report_row` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_report_row_update` AFTER UPDATE ON `report_row` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_report_row_delete` AFTER DELETE ON `report_row` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_report_section_insert` AFTER INSERT ON `report_section` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_report_section_update` AFTER UPDATE ON `report_section` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_report_section_delete` AFTER DELETE ON `report_section` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_target_insert` AFTER INSERT ON `target` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_target_update` AFTER UPDATE ON `target` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_target_delete` AFTER DELETE ON `target` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_uppdrag_insert` AFTER INSERT ON `uppdrag` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_uppdrag_update` AFTER UPDATE ON `uppdrag` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_uppdrag_delete` AFTER DELETE ON `uppdrag` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_user_insert` AFTER INSERT ON `user` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_user_update` AFTER UPDATE OF `name` ON `user` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_revision_user_delete` AFTER DELETE ON `user` BEGIN UPDATE `data_revision` SET `revision` = `revision` + 1, `changed_at_ms` = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE `id` = 1; END;
