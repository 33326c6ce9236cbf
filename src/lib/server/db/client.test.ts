import { describe, expect, it } from 'vitest';
import { createDb, isEmpty } from './client';

function withPlan() {
	const db = createDb(':memory:');
	const run = (sql: string, ...p: unknown[]) => db.$client.prepare(sql).run(...p);
	run(`INSERT INTO organisation (slug, name) VALUES ('o', 'Org')`);
	run(`INSERT INTO plan (organisation_id, slug, name, kind, level_names) VALUES (1, 'p', 'Plan', 'rus', '["Mål"]')`);
	run(`INSERT INTO goal (plan_id, title) VALUES (1, 'Mål 1')`);
	run(`INSERT INTO follow_up_period (plan_id, slug, label, kind, year, end_date) VALUES (1, 'h', 'Helår', 'helar', 2019, '2019-12-31')`);
	return { db, run };
}

describe('createDb', () => {
	it('migrates an empty database and reports it as empty', () => {
		const db = createDb(':memory:');
		expect(isEmpty(db)).toBe(true);
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
	});

	it('enforces foreign keys', () => {
		const { run } = withPlan();
		expect(() => run(`INSERT INTO goal (plan_id, title) VALUES (99, 'x')`)).toThrow(/FOREIGN KEY/);
	});

	it('allows one assessment per period and subject, with exactly one subject', () => {
		const { run } = withPlan();
		run(`INSERT INTO assessment (period_id, goal_id, colour) VALUES (1, 1, 'green')`);
		expect(() => run(`INSERT INTO assessment (period_id, goal_id, colour) VALUES (1, 1, 'red')`)).toThrow(/UNIQUE/);
		expect(() => run(`INSERT INTO assessment (period_id, colour) VALUES (1, 'red')`)).toThrow(/CHECK/);
	});

	it('refuses a person overriding a computed colour without a reason', () => {
		const { run } = withPlan();
		expect(() =>
			run(`INSERT INTO assessment (period_id, goal_id, colour, computed_colour, source) VALUES (1, 1, 'green', 'red', 'manual')`)
		).toThrow(/CHECK/);
		run(
			`INSERT INTO assessment (period_id, goal_id, colour, computed_colour, source, override_reason) VALUES (1, 1, 'green', 'red', 'manual', 'Nytt underlag')`
		);
	});

	it('keeps one observation per indicator, geography, sex and period, holding one kind of value', () => {
		const { run } = withPlan();
		run(`INSERT INTO geography (code, kolada_id, name, level) VALUES ('00', '0000', 'Riket', 'riket')`);
		run(`INSERT INTO indicator (slug, name) VALUES ('i', 'Ind')`);
		const ins = `INSERT INTO observation (indicator_id, geography_id, period, period_kind, period_start, period_end, sex, value, missing_symbol)
			VALUES (1, 1, '2019', 'year', '2019-01-01', '2019-12-31', ?, ?, ?)`;
		run(ins, 'T', 1, null);
		expect(() => run(ins, 'T', 2, null)).toThrow(/UNIQUE/);
		expect(() => run(ins, 'K', 2, '..')).toThrow(/CHECK/);
		run(ins, 'K', null, '..');
	});
});
