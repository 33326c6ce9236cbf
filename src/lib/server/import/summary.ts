/** One Swedish sentence about an import, for the command line and the upload page. */
import type { Count, Counts, ImportResult } from './types';

const NOUN: Record<keyof Counts, string> = {
	observations: 'observationer',
	plans: 'organisation/plan',
	goals: 'mål',
	uppdrag: 'uppdrag',
	indicators: 'indikatorer',
	links: 'kopplingar',
	targets: 'målvärden',
	insatser: 'insatser',
	results: 'resultat',
	reportSections: 'avsnitt',
	reportRows: 'tabellrader',
	analyses: 'analyser (5.1)',
	externalGoals: 'externa mål'
};

const n = (x: number) => x.toLocaleString('sv-SE');

export function countText(kind: keyof Counts, c: Count): string {
	const parts = [`${n(c.new)} nya`, `${n(c.changed)} ändrade`, `${n(c.unchanged)} oförändrade`];
	if (c.removed) parts.push(`${n(c.removed)} borttagna`);
	return `${NOUN[kind]}: ${parts.join(', ')}`;
}

export function summarise(r: ImportResult): string {
	if (!r.ok) {
		return `Inget lästes in: ${r.errors.length} fel (databasen är oförändrad).`;
	}
	const counts = (Object.entries(r.counts) as [keyof Counts, Count][]).map(([k, c]) => countText(k, c)).join('; ');
	const same = r.sameAsBatch ? ` Samma fil (SHA-256) lästes in ${r.sameAsBatch.importedAt.slice(0, 16).replace('T', ' ')} som batch ${r.sameAsBatch.id}.` : '';
	if (r.unchanged) return `Inget att ändra: allt i filen finns redan med samma värden (${counts}).${same}`;
	const drafts = r.draft ? ' Värdena blir utkast: de syns publikt först när de publiceras under Granska och publicera.' : '';
	if (r.dryRun) return `Provkörning, inget skrevs: ${counts}.${drafts}`;
	return `Inläst som batch ${r.batchId}: ${counts}.${drafts}`;
}
