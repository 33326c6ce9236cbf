/**
 * The admin import page's form: which kind, the file, and the options that make sense for that kind, read
 * from multipart form data into an import request, with Swedish (or English) messages per field.
 */
import type { Locale } from '../../i18n';
import { IMPORT_KINDS, type ImportKind } from './types';
import type { PendingOptions } from './pending';
import { parseMap } from './series';
import { formatBytes, parseBodySizeLimit } from '../http/limits';

/** The largest file the page accepts, when the server's body limit allows it (see uploadLimit). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Room in a request for the rest of the form (mapping file, options, multipart boundaries). */
export const FORM_MARGIN_BYTES = 64 * 1024;

/**
 * What the page can take: its own limit, or less when the server's BODY_SIZE_LIMIT (checked for every
 * request in hooks.server.ts) would not leave room for the rest of the form. So a too large file gets the
 * page's own message beside the field, not the server's general 413 page. `npm start` sets 21M.
 */
export const uploadLimit = (bodySizeLimit: string | undefined): number =>
	Math.min(IMPORT_MAX_BYTES, parseBodySizeLimit(bodySizeLimit) - FORM_MARGIN_BYTES);

const m = {
	sv: {
		kind: 'Välj vad filen innehåller.',
		file: 'Välj en fil att läsa in.',
		empty: 'Filen är tom.',
		tooBig: (limit: string, size?: string) => `Filen är för stor${size ? ` (${size})` : ''}. Högst ${limit} kan läsas in här; större filer läses in med kommandoraden (npm run import).`,
		target: 'Välj en organisation eller plan i listan.',
		indicator: 'Välj en indikator i listan.',
		map: (why: string) => `Mappningsfilen kunde inte läsas: ${why}. Den ska vara JSON {"kod": "indikator"} eller CSV med kod och indikator.`,
		mapEmpty: 'Mappningsfilen innehåller ingen rad med kod och indikator.',
		table: 'Tabellens id har bara bokstäver, siffror, _ och -, till exempel TAB6471.'
	},
	en: {
		kind: 'Choose what the file contains.',
		file: 'Choose a file to import.',
		empty: 'The file is empty.',
		tooBig: (limit: string, size?: string) => `The file is too large${size ? ` (${size})` : ''}. At most ${limit} can be imported here; import larger files on the command line (npm run import).`,
		target: 'Choose an organisation or plan from the list.',
		indicator: 'Choose an indicator from the list.',
		map: (why: string) => `The mapping file could not be read: ${why}. It should be JSON {"code": "indicator"} or CSV with code and indicator.`,
		mapEmpty: 'The mapping file has no row with a code and an indicator.',
		table: 'The table id has only letters, digits, _ and -, for example TAB6471.'
	}
};

export const tooBigMessage = (locale: Locale, limit: number, size?: number): string =>
	m[locale].tooBig(formatBytes(limit), size === undefined ? undefined : formatBytes(size));

/** The typed values to show again in the form (files cannot be shown again). */
export interface UploadValues {
	kind: string;
	target: string;
	indicator: string;
	table: string;
	replace: string;
	/** Admins' choice for statistics: 'draft' or 'direct' (editors' values always become drafts). */
	publish: string;
}

export type UploadForm =
	| { ok: true; values: UploadValues; kind: ImportKind; options: PendingOptions; file: { name: string; bytes: Uint8Array } }
	| { ok: false; values: UploadValues; errors: Record<string, string> };

const isKind = (k: string): k is ImportKind => (IMPORT_KINDS as readonly string[]).includes(k);

/**
 * Reads the form. `targets` are the allowed values of the plan target select ("org:SLUG", "plan:ORG/PLAN")
 * and `indicators` the known indicator slugs, so nothing else can be posted.
 */
export async function readUploadForm(
	fd: FormData,
	locale: Locale,
	limit: number,
	known: { targets: Set<string>; indicators: Set<string> }
): Promise<UploadForm> {
	const text = (name: string) => String(fd.get(name) ?? '').trim();
	const values: UploadValues = { kind: text('kind'), target: text('target'), indicator: text('indicator'), table: text('table'), replace: fd.get('replace') ? 'on' : '', publish: text('publish') === 'draft' ? 'draft' : 'direct' };
	const errors: Record<string, string> = {};
	const t = m[locale];
	if (!isKind(values.kind)) errors.kind = t.kind;

	const file = fd.get('file');
	let bytes: Uint8Array | null = null;
	if (!(file instanceof File) || (file.size === 0 && file.name === '')) errors.file = t.file;
	else if (file.size > limit) errors.file = tooBigMessage(locale, limit, file.size);
	else if (file.size === 0) errors.file = t.empty;
	else bytes = new Uint8Array(await file.arrayBuffer());

	const options: PendingOptions = { replace: values.replace === 'on' };
	if (values.kind === 'plan' || values.kind === 'atterrapportering') {
		if (values.target && !known.targets.has(values.target)) errors.target = t.target;
		const [what, rest] = values.target.split(/:(.*)/s, 2);
		if (what === 'org') options.org = rest;
		if (what === 'plan') [options.org, options.plan] = rest.split('/', 2);
	} else if (isKind(values.kind)) {
		if (values.indicator && !known.indicators.has(values.indicator)) errors.indicator = t.indicator;
		else if (values.indicator) options.indicator = values.indicator;
		if (values.kind === 'pxweb' && values.table) {
			if (!/^[\w-]{1,40}$/.test(values.table)) errors.table = t.table;
			else options.table = values.table;
		}
		const mapFile = fd.get('map');
		if (mapFile instanceof File && mapFile.size > 0) {
			try {
				const map = parseMap(new TextDecoder().decode(await mapFile.arrayBuffer()));
				const entries = Object.entries(map).filter(([k, v]) => typeof k === 'string' && typeof v === 'string');
				if (entries.length === 0) errors.map = t.mapEmpty;
				else options.map = Object.fromEntries(entries);
			} catch (e) {
				errors.map = t.map((e as Error).message);
			}
		}
	}
	if (Object.keys(errors).length || !bytes || !isKind(values.kind)) return { ok: false, values, errors };
	return { ok: true, values, kind: values.kind, options, file: { name: (file as File).name || 'uppladdad fil', bytes } };
}
