/**
 * Region Örebro län, regional tillväxtnämnd: the goals, indicators, values, comments and uppdrag of the
 * verksamhetsberättelse 2019, from the extraction in demo-data/orebro-rtn-vb2019.json. The colour icons
 * were lost in the PDF conversion, so no colour is stored as printed: only what the rules can compute.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/client';
import type { Origin } from '../../domain/types';
import { uniqueSlug } from '../../domain/slug';
import { vbIndicatorValues, type VbIndicator } from './vb-values';
import {
	directionFromTarget,
	insertBatch,
	insertGoal,
	insertParsedTargets,
	insertRow,
	insertYearObservation
} from './common';

interface VbComment {
	text: string;
}
interface VbGoal {
	type: 'inriktningsmål' | 'nämndmål';
	nr: number | null;
	source: string;
	label_printed: string;
	text: string;
	comment: VbComment | null;
	indicators: VbIndicator[];
}
interface VbUppdrag {
	nr: number;
	plan_year: number;
	label_printed: string;
	text: string;
	comment: VbComment | null;
	source: string;
}
interface VbArea {
	section: string;
	title: string;
	overgripande_mal: { text: string } | null;
	goals: VbGoal[];
	uppdrag: VbUppdrag[];
}
interface VbFile {
	source: { document: string; dnr: string; meeting_date: string };
	areas: VbArea[];
}

export const OREBRO = {
	orgSlug: 'region-orebro-lan',
	planSlug: 'rtn-verksamhetsplan-2019',
	periodSlug: 'helar-2019',
	lanCode: '18'
};

const REPORT_YEAR = 2019;

function origin(source: string): Origin {
	if (source === 'regionfullmäktige') return 'council';
	if (source === 'nämnden') return 'committee';
	return 'other';
}

export function seedOrebro(db: Db, dataDir: string, geo: Map<string, number>, slugs: Set<string>): void {
	const file = 'orebro-rtn-vb2019.json';
	const vb = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as VbFile;
	const lanId = geo.get(OREBRO.lanCode)!;

	const orgId = insertRow(db, 'organisation', {
		slug: OREBRO.orgSlug,
		name: 'Region Örebro län',
		kind: 'region',
		geography_id: lanId,
		description: 'Regionalt utvecklingsansvar för Örebro län. Här: regional tillväxtnämndens verksamhetsplan 2019 och dess uppföljning i verksamhetsberättelsen 2019.',
		sort_order: 1
	});
	const planId = insertRow(db, 'plan', {
		organisation_id: orgId,
		slug: OREBRO.planSlug,
		name: 'Regional tillväxtnämnd – verksamhetsplan 2019',
		kind: 'verksamhetsplan',
		start_year: 2019,
		end_year: 2019,
		level_names: ['Avsnitt', 'Övergripande mål', 'Inriktningsmål'],
		description:
			'Nämndens mål och uppdrag 2019 med indikatorer, utfall och kommentarer, så som de redovisas i verksamhetsberättelsen 2019.',
		source: `${vb.source.document} Dnr ${vb.source.dnr}, sammanträde ${vb.source.meeting_date}.`,
		geography_id: lanId,
		sort_order: 1
	});
	const periodId = insertRow(db, 'follow_up_period', {
		plan_id: planId,
		slug: OREBRO.periodSlug,
		label: 'Helår 2019',
		kind: 'helar',
		year: REPORT_YEAR,
		end_date: '2019-12-31',
		state: 'published'
	});
	const batchId = insertBatch(db, `Verksamhetsberättelse 2019, regional tillväxtnämnd, Region Örebro län (Dnr ${vb.source.dnr})`, file);

	const comment = (kind: 'goal_id' | 'uppdrag_id' | 'indicator_id', id: number, text: string | undefined) => {
		if (!text) return;
		insertRow(db, 'assessment', { period_id: periodId, [kind]: id, comment: text, source: 'manual' });
	};

	// The same indicator text under two goals is one indicator with two links.
	const indicatorsByText = new Map<string, number>();
	let order = 0;
	vb.areas.forEach((area, areaIndex) => {
		const areaId = insertGoal(db, {
			planId,
			parentId: null,
			depth: 0,
			number: area.section,
			label: area.section,
			title: area.title,
			origin: 'other',
			sortOrder: areaIndex
		});
		const overallId = area.overgripande_mal
			? insertGoal(db, {
					planId,
					parentId: areaId,
					depth: 1,
					label: 'Övergripande mål:',
					title: area.overgripande_mal.text,
					origin: 'council',
					sortOrder: 0
				})
			: areaId;
		area.goals.forEach((g, goalIndex) => {
			const goalId = insertGoal(db, {
				planId,
				parentId: overallId,
				depth: 2,
				number: g.nr !== null ? `Nr ${g.nr}` : null,
				label: g.label_printed,
				title: g.text,
				origin: origin(g.source),
				sortOrder: goalIndex
			});
			comment('goal_id', goalId, g.comment?.text);
			g.indicators.forEach((ind, indIndex) => {
				let indicatorId = indicatorsByText.get(ind.text);
				if (indicatorId === undefined) {
					indicatorId = seedIndicator(db, ind, { orgId, lanId, batchId, slugs });
					indicatorsByText.set(ind.text, indicatorId);
					comment('indicator_id', indicatorId, ind.comment?.text);
				}
				insertRow(db, 'goal_indicator', { goal_id: goalId, indicator_id: indicatorId, sort_order: indIndex });
			});
		});
		area.uppdrag.forEach((u) => {
			const id = insertRow(db, 'uppdrag', {
				plan_id: planId,
				goal_id: areaId,
				number: String(u.nr),
				label: u.label_printed,
				plan_year: u.plan_year,
				text: u.text,
				origin: origin(u.source),
				sort_order: order++
			});
			comment('uppdrag_id', id, u.comment?.text);
		});
	});
}

function seedIndicator(
	db: Db,
	ind: VbIndicator,
	ctx: { orgId: number; lanId: number; batchId: number; slugs: Set<string> }
): number {
	const values = vbIndicatorValues(ind, REPORT_YEAR);
	const id = insertRow(db, 'indicator', {
		slug: uniqueSlug(ind.text, ctx.slugs),
		name: ind.text,
		unit: values.unit,
		decimals: values.decimals,
		direction: 'none',
		source: 'Region Örebro län, verksamhetsberättelse 2019 för regional tillväxtnämnd',
		frequency: 'year',
		organisation_id: ctx.orgId
	});
	const primary = insertParsedTargets(db, id, ind.text);
	db.$client.prepare('UPDATE indicator SET direction = ? WHERE id = ?').run(directionFromTarget(primary), id);
	for (const o of values.observations) {
		insertYearObservation(db, { indicatorId: id, geographyId: ctx.lanId, ...o, batchId: ctx.batchId });
	}
	return id;
}
