/**
 * Simulated officials saving values through the editing module (src/lib/server/editing), for the load and
 * crash scripts. Each editor: read a value's state (the versions its form would show), think a little, save a
 * new value with those versions. Editors share a few values on purpose, so saves collide and the optimistic
 * locking must turn every collision into a reported conflict, never a silent overwrite.
 */
import type { Db } from '../../src/lib/server/db/client';
import { keyId, observationState, saveObservationDraft, type ObservationKey } from '../../src/lib/server/editing/observation-drafts';

export interface Save {
	key: string;
	editor: number;
	value: number;
	/** The draft version the save produced. */
	version: number;
}

export interface EditorsReport {
	attempts: number;
	saves: Save[];
	conflicts: number;
	/** Conflicts whose answer did not show a newer version than the one the editor had seen (must be 0). */
	unexplainedConflicts: number;
	other: number;
	saveMs: number[];
}

/** Values no one has published (a future year), on one indicator, so every save makes or bumps a draft. */
export function editableKeys(db: Db, count: number): ObservationKey[] {
	const indicator = db.$client.prepare("SELECT id FROM indicator WHERE slug = 'invanare-totalt'").get() as { id: number };
	const geos = db.$client.prepare("SELECT id FROM geography WHERE level = 'kommun' ORDER BY code LIMIT ?").all(count) as { id: number }[];
	return geos.map((g) => ({ indicatorId: indicator.id, geographyId: g.id, sex: 'T', period: '2031' }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `editors` editors until `until()` is true. `onSave` is called right after each save returned success
 * (the moment a user would see "Sparat").
 */
export async function runEditors(
	db: Db,
	opts: { editors: number; keys: ObservationKey[]; thinkMs: number; until: () => boolean; onSave?: (s: Save) => void }
): Promise<EditorsReport> {
	const report: EditorsReport = { attempts: 0, saves: [], conflicts: 0, unexplainedConflicts: 0, other: 0, saveMs: [] };
	const actor = { userId: null, channel: 'form' as const };
	let counter = 0;
	const editor = async (n: number) => {
		while (!opts.until()) {
			const key = opts.keys[Math.floor(Math.random() * opts.keys.length)];
			const shown = observationState(db, key);
			const seen = { draftVersion: shown.draft?.version ?? 0, publishedVersion: shown.published?.version ?? 0 };
			await sleep(Math.random() * opts.thinkMs);
			const value = n * 1_000_000 + ++counter;
			report.attempts++;
			const t0 = performance.now();
			const r = saveObservationDraft(db, actor, key, { raw: String(value), note: '' }, seen);
			report.saveMs.push(performance.now() - t0);
			if (r.ok && !r.unchanged) {
				const save = { key: keyId(key), editor: n, value, version: r.state.draft!.version };
				report.saves.push(save);
				opts.onSave?.(save);
			} else if (!r.ok && r.kind === 'conflict') {
				report.conflicts++;
				if ((r.state.draft?.version ?? 0) === seen.draftVersion) report.unexplainedConflicts++;
			} else report.other++;
		}
	};
	await Promise.all(Array.from({ length: opts.editors }, (_, i) => editor(i + 1)));
	return report;
}

export interface Verdict {
	lost: string[];
	auditMismatch: string[];
}

/**
 * No save lost: per value, the successful saves have versions 1, 2, … N without gap or repeat, the stored
 * draft is version N with the value of save N, and the audit log has one entry per save.
 */
export function verifySaves(db: Db, keys: ObservationKey[], saves: Save[]): Verdict {
	const verdict: Verdict = { lost: [], auditMismatch: [] };
	for (const key of keys) {
		const id = keyId(key);
		const mine = saves.filter((s) => s.key === id).sort((a, b) => a.version - b.version);
		const draft = observationState(db, key).draft;
		const versionsOk = mine.every((s, i) => s.version === i + 1);
		const last = mine.at(-1);
		if (!versionsOk || (last ? draft?.version !== last.version || draft?.value !== last.value : draft !== null)) {
			verdict.lost.push(`${id}: sparade versioner ${mine.map((s) => s.version).join(',')}, i databasen ${draft?.version}/${draft?.value}`);
		}
		const audited = (db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'draft.save' AND entity_id = ?").get(id) as { n: number }).n;
		if (audited !== mine.length) verdict.auditMismatch.push(`${id}: ${mine.length} sparningar, ${audited} i ändringsloggen`);
	}
	return verdict;
}
