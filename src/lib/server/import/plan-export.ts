/**
 * Exports a plan to the plan template (see plan-columns.ts), as rows, CSV or XLSX. Importing the export into
 * an empty database gives the same organisation, plan, goals, uppdrag, indicators, links and targets.
 */
import type { Db } from '../db/client';
import type { Target } from '../../domain/types';
import { parseTargetWording } from '../../domain/target';
import { toTarget } from '../assess/indicators';
import { DIRECTION_TEXT, ORIGIN_TEXT, PLAN_COLUMNS, PLAN_HEADER, PLAN_INSTRUCTIONS, type PlanRow } from './plan-columns';
import { writeXlsx } from './xlsx';

type Origin = keyof typeof ORIGIN_TEXT;

const blank = (): PlanRow => Object.fromEntries(PLAN_HEADER.map((k) => [k, ''])) as PlanRow;
const row = (fields: Partial<PlanRow>): PlanRow => ({ ...blank(), ...fields });
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The plan's rows in template order: organisation, plan, then the goal tree depth first. */
export function exportPlan(db: Db, orgSlug: string, planSlug: string): PlanRow[] {
	const sqlite = db.$client;
	const org = sqlite
		.prepare('SELECT o.id, o.slug, o.name, o.description, o.kind, g.code FROM organisation o LEFT JOIN geography g ON g.id = o.geography_id WHERE o.slug = ?')
		.get(orgSlug) as Record<string, unknown> & { id: number } | undefined;
	if (!org) throw new Error(`organisationen '${orgSlug}' finns inte`);
	const plan = sqlite
		.prepare('SELECT p.*, g.code FROM plan p LEFT JOIN geography g ON g.id = p.geography_id WHERE p.organisation_id = ? AND p.slug = ?')
		.get(org.id, planSlug) as Record<string, unknown> & { id: number; level_names: string } | undefined;
	if (!plan) throw new Error(`planen '${planSlug}' finns inte hos '${orgSlug}'`);
	const levels = JSON.parse(plan.level_names) as string[];
	const years = plan.start_year ? (plan.end_year && plan.end_year !== plan.start_year ? `${plan.start_year}–${plan.end_year}` : str(plan.start_year)) : '';
	const out: PlanRow[] = [
		row({ typ: 'organisation', id: orgSlug, text: str(org.name), beskrivning: str(org.description), etikett: str(org.kind), nummer: str(org.code) }),
		row({ typ: 'plan', id: planSlug, text: str(plan.name), beskrivning: str(plan.description), etikett: str(plan.kind), nummer: str(plan.code), nivå: levels.join(' | '), år: years, källa: str(plan.source) })
	];

	const goals = sqlite
		.prepare('SELECT id, parent_id, depth, number, label, title, description, origin FROM goal WHERE plan_id = ? AND archived = 0 ORDER BY sort_order, id')
		.all(plan.id) as { id: number; parent_id: number | null; depth: number; number: string | null; label: string | null; title: string; description: string | null; origin: Origin }[];
	const uppdrag = sqlite
		.prepare('SELECT goal_id, number, label, plan_year, text, origin, owner FROM uppdrag WHERE plan_id = ? AND archived = 0 ORDER BY sort_order, id')
		.all(plan.id) as { goal_id: number | null; number: string | null; label: string | null; plan_year: number | null; text: string; origin: Origin; owner: string | null }[];
	const indicatorsOf = sqlite.prepare(
		`SELECT i.id, i.slug, i.name, i.definition, i.unit, i.decimals, i.direction, i.source, i.organisation_id
		 FROM goal_indicator gi JOIN indicator i ON i.id = gi.indicator_id WHERE gi.goal_id = ? ORDER BY gi.sort_order, i.id`
	);
	const targetsOf = sqlite.prepare('SELECT * FROM target WHERE indicator_id = ? AND goal_id IS ? AND geography_id IS NULL ORDER BY rank, id');

	const ids = new Map<number, string>();
	const children = (parent: number | null) => goals.filter((g) => g.parent_id === parent);
	const uppdragRow = (u: (typeof uppdrag)[number]) =>
		row({ typ: 'uppdrag', förälder: u.goal_id === null ? '' : ids.get(u.goal_id)!, nummer: str(u.number), etikett: str(u.label), text: u.text, ursprung: ORIGIN_TEXT[u.origin], år: str(u.plan_year), ansvarig: str(u.owner) });
	const walk = (parent: number | null) => {
		for (const g of children(parent)) {
			const id = `M${ids.size + 1}`;
			ids.set(g.id, id);
			out.push(row({ typ: 'mål', id, förälder: parent === null ? '' : ids.get(parent)!, nivå: levels[g.depth] ?? String(g.depth + 1), nummer: str(g.number), etikett: str(g.label), text: g.title, beskrivning: str(g.description), ursprung: ORIGIN_TEXT[g.origin] }));
			for (const ind of indicatorsOf.all(g.id) as Record<string, unknown>[]) {
				const local = ind.organisation_id === org.id;
				const wording = targetWording(targetsOf, ind.id as number, local ? null : g.id, str(ind.name), local);
				out.push(row({ typ: 'indikator', förälder: id, text: str(ind.name), beskrivning: str(ind.definition), målformulering: wording, enhet: str(ind.unit), decimaler: str(ind.decimals), riktning: DIRECTION_TEXT[ind.direction as keyof typeof DIRECTION_TEXT], indikator: str(ind.slug), källa: str(ind.source) }));
			}
			walk(g.id);
			for (const u of uppdrag.filter((u) => u.goal_id === g.id)) out.push(uppdragRow(u));
		}
	};
	for (const u of uppdrag.filter((u) => u.goal_id === null)) out.push(uppdragRow(u));
	walk(null);
	return out;
}

/**
 * The target wording to write: empty when the targets are exactly what the indicator's own text gives
 * (the import reads them from the text again), otherwise the printed wordings.
 */
function targetWording(stmt: { all: (...p: unknown[]) => unknown[] }, indicatorId: number, goalId: number | null, name: string, local: boolean): string {
	const stored = (stmt.all(indicatorId, goalId) as Parameters<typeof toTarget>[0][]).map(toTarget);
	if (stored.length === 0) return '';
	const fromText = parseTargetWording(name);
	const parsed = [fromText.primary, ...fromText.secondary].filter((t): t is Target => t !== null);
	const same = local && parsed.length === stored.length && parsed.every((t, i) => sameTarget(t, stored[i]));
	return same ? '' : stored.map((t) => t.wording).join(' ');
}

function sameTarget(a: Target, b: Target): boolean {
	const k = (t: Target) => JSON.stringify([t.kind, t.value ?? null, t.valueHigh ?? null, t.reference ?? null, t.basePeriod ?? null, t.targetPeriod ?? null, t.benchmark ?? null, t.benchmarkSide ?? null, t.benchmarkMeasure ?? null, t.wording]);
	return k(a) === k(b);
}

const quote = (v: string): string => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV as Swedish Excel reads it: UTF-8 with BOM, semicolons, CRLF. */
export function planCsv(rows: PlanRow[]): string {
	const lines = [PLAN_HEADER.join(';'), ...rows.map((r) => PLAN_HEADER.map((k) => quote(r[k])).join(';'))];
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The template workbook: an instructions sheet and the "Rader" sheet with drop-down lists. */
export async function planXlsx(rows: PlanRow[]): Promise<Uint8Array> {
	const widths: Record<string, number> = { typ: 12, id: 14, förälder: 10, nivå: 18, nummer: 9, etikett: 22, text: 70, beskrivning: 40, målformulering: 30, indikator: 30, källa: 30 };
	return writeXlsx([
		{
			name: 'Instruktioner',
			widths: [30, 110],
			rows: [...PLAN_INSTRUCTIONS.map((t) => [t]), ...PLAN_COLUMNS.map((c) => [c.key, c.help])]
		},
		{
			name: 'Rader',
			header: true,
			widths: PLAN_HEADER.map((k) => widths[k] ?? 12),
			rows: [PLAN_HEADER, ...rows.map((r) => PLAN_HEADER.map((k) => r[k]))],
			lists: { 0: ['organisation', 'plan', 'mål', 'uppdrag', 'indikator'], 8: ['fullmäktige', 'nämnd', 'annan'], 12: ['upp', 'ned', 'ingen'] },
			textColumns: (['id', 'förälder', 'nummer', 'år'] as const).map((k) => PLAN_HEADER.indexOf(k))
		}
	]);
}
