/**
 * Reads the answers of SCB's PxWeb API into one shape: a list of dimensions and a walk over every cell.
 * Understood: JSON-stat 2.0 (v2 `/data`, and v1 with `"format": "json-stat2"`) and the v1 `json` format
 * (`columns` / `data` / `metadata`). Other SCB files (table metadata, a v1 query, /config, /tables, code lists)
 * are recognised and refused with a message saying what they are.
 */

export interface Dimension {
	id: string;
	label: string;
	codes: string[];
	labels: string[];
	/** Per content code: unit name and decimals (JSON-stat `category.unit`). */
	units?: Record<string, { base?: string; decimals?: number }>;
	role?: 'time' | 'metric' | 'geo';
}

export interface Dataset {
	label: string;
	source: string;
	table: string | null;
	decimals: number | null;
	dimensions: Dimension[];
	/** Calls `cell` for every cell: one category index per dimension, the value and its status symbol. */
	forEachCell(cell: (indexes: number[], value: number | string | null, status: string | null, ordinal: number) => void): void;
}

export class NotData extends Error {}

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Recognises the document and returns it as a Dataset; throws NotData with a Swedish explanation otherwise. */
export function readPxwebDocument(doc: unknown): Dataset {
	if (!isObject(doc)) throw new NotData('filen är inte ett JSON-objekt från PxWeb');
	if (doc.class === 'dataset' || ('dimension' in doc && 'id' in doc)) return fromJsonStat(doc);
	if (Array.isArray(doc.columns) && Array.isArray(doc.data)) return fromV1Json(doc);
	if (Array.isArray(doc.variables) && 'title' in doc) {
		throw new NotData(
			'det här är tabellens metadata (PxWeb v1: variabler och koder), inte data; hämta data med en POST-fråga (--query) eller använd datasvaret'
		);
	}
	if (Array.isArray(doc.query) && isObject(doc.response)) {
		throw new NotData('det här är en fråga (query) till PxWeb v1, inte ett svar; ange den med --query tillsammans med tabellens URL');
	}
	if ('apiVersion' in doc || 'maxDataCells' in doc) throw new NotData('det här är PxWeb-API:ts konfiguration (/config), inte data');
	if (Array.isArray(doc.tables)) throw new NotData('det här är en lista över tabeller (/tables), inte data');
	if (Array.isArray(doc.values) && 'type' in doc) throw new NotData('det här är en kodlista (/codelists), inte data');
	throw new NotData('filen är varken JSON-stat 2.0 eller PxWeb v1 json (columns/data)');
}

function fromJsonStat(doc: Json): Dataset {
	const ids = doc.id;
	const sizes = doc.size;
	const dimension = doc.dimension;
	if (!Array.isArray(ids) || !Array.isArray(sizes) || !isObject(dimension) || ids.length !== sizes.length) {
		throw new NotData('JSON-stat-filen saknar giltiga "id", "size" eller "dimension"');
	}
	if (!ids.every((id) => typeof id === 'string') || !sizes.every((n) => Number.isInteger(n) && n >= 0)) {
		throw new NotData('JSON-stat-filens "id" ska vara en lista med namn och "size" en lista med heltal');
	}
	const role = isObject(doc.role) ? doc.role : {};
	const roleOf = (id: string): Dimension['role'] => {
		for (const r of ['time', 'metric', 'geo'] as const) {
			const list = role[r];
			if (Array.isArray(list) && list.includes(id)) return r;
		}
		return undefined;
	};
	const dimensions = ids.map((id, d): Dimension => {
		const dim = dimension[String(id)];
		if (!isObject(dim) || !isObject(dim.category)) throw new NotData(`dimensionen '${id}' saknar "category"`);
		const codes = categoryCodes(dim.category, String(id));
		if (codes.length !== sizes[d]) {
			throw new NotData(`dimensionen '${id}' har ${codes.length} koder men "size" säger ${sizes[d]}`);
		}
		const labels = isObject(dim.category.label) ? (dim.category.label as Record<string, string>) : {};
		return {
			id: String(id),
			label: typeof dim.label === 'string' ? dim.label : String(id),
			codes,
			labels: codes.map((c) => (typeof labels[c] === 'string' ? labels[c] : c)),
			units: isObject(dim.category.unit) ? (dim.category.unit as Dimension['units']) : undefined,
			role: roleOf(String(id))
		};
	});
	const total = (sizes as number[]).reduce((a, b) => a * b, 1);
	const values = doc.value;
	const count = Array.isArray(values) ? values.length : isObject(values) ? Object.keys(values).length : -1;
	if (count === -1) throw new NotData('JSON-stat-filen saknar "value"');
	if (count === 0 && total > 0) {
		throw new NotData('det här är tabellens metadata (JSON-stat utan värden), inte data; hämta /data i stället för /metadata');
	}
	if (Array.isArray(values) && values.length !== total) {
		throw new NotData(`filen har ${values.length} värden men dimensionerna ger ${total} celler (avbruten eller trasig fil?)`);
	}
	const px = isObject(doc.extension) && isObject(doc.extension.px) ? doc.extension.px : {};
	const status = doc.status;
	const statusAt = (i: number): string | null => {
		if (typeof status === 'string') return status;
		const one = Array.isArray(status) ? status[i] : isObject(status) ? status[String(i)] : null;
		return typeof one === 'string' ? one : null;
		return null;
	};
	return {
		label: typeof doc.label === 'string' ? doc.label : '',
		source: typeof doc.source === 'string' ? doc.source : 'SCB',
		table: typeof px.tableid === 'string' ? px.tableid : null,
		decimals: typeof px.decimals === 'number' ? px.decimals : null,
		dimensions,
		forEachCell(cell) {
			const n = dimensions.length;
			const idx = new Array<number>(n).fill(0);
			const valueAt = (i: number): number | null => {
				const v = Array.isArray(values) ? values[i] : (values as Json)[String(i)];
				if (v === null || v === undefined || typeof v === 'number') return v ?? null;
				throw new NotData(`värde nr ${i + 1} i "value" är ${JSON.stringify(v).slice(0, 40)}, inte ett tal`);
			};
			for (let i = 0; i < total; i++) {
				// Sparse values (an object) hold only some cells; absent cells carry no value and no status.
				if (!Array.isArray(values) && !(String(i) in (values as Json))) {
					advance(idx, sizes as number[]);
					continue;
				}
				cell(idx, valueAt(i), statusAt(i), i);
				advance(idx, sizes as number[]);
			}
		}
	};
}

/** Row-major order: the last dimension changes fastest. */
function advance(idx: number[], sizes: number[]): void {
	for (let d = idx.length - 1; d >= 0; d--) {
		if (++idx[d] < sizes[d]) return;
		idx[d] = 0;
	}
}

function categoryCodes(category: Json, id: string): string[] {
	const index = category.index;
	if (Array.isArray(index)) return index.map(String);
	if (isObject(index)) {
		const codes: string[] = [];
		for (const [code, pos] of Object.entries(index)) codes[Number(pos)] = code;
		return codes;
	}
	// A dimension with a single category may leave out the index.
	if (isObject(category.label) && Object.keys(category.label).length === 1) return Object.keys(category.label);
	throw new NotData(`dimensionen '${id}' saknar "category.index"`);
}

interface V1Column {
	code: string;
	text?: string;
	type?: string;
	unit?: string;
}

function fromV1Json(doc: Json): Dataset {
	const columns = doc.columns as V1Column[];
	const data = doc.data as { key?: string[]; values?: (string | null)[] }[];
	// Shapes first, so a damaged file gets a message instead of failing somewhere inside.
	columns.forEach((c, i) => {
		if (!isObject(c) || typeof c.code !== 'string') throw new NotData(`kolumn ${i + 1} i "columns" saknar en "code" som text`);
	});
	data.forEach((row, r) => {
		const ok =
			isObject(row) &&
			(row.key === undefined || (Array.isArray(row.key) && row.key.every((k) => typeof k === 'string'))) &&
			(row.values === undefined || (Array.isArray(row.values) && row.values.every((v) => v === null || typeof v === 'string')));
		if (!ok) throw new NotData(`rad ${r + 1} i "data" har inte formen {"key": [text …], "values": [text …]}`);
	});
	const keyColumns = columns.filter((c) => c.type !== 'c');
	const contentColumns = columns.filter((c) => c.type === 'c');
	if (contentColumns.length === 0) throw new NotData('v1-svaret saknar innehållskolumner (type "c")');
	const dims: Dimension[] = keyColumns.map((c) => ({
		id: c.code,
		label: c.text ?? c.code,
		codes: [],
		labels: [],
		role: c.type === 't' ? 'time' : undefined
	}));
	const positions = dims.map(() => new Map<string, number>());
	for (const row of data) {
		(row.key ?? []).forEach((code, d) => {
			if (d < dims.length && !positions[d].has(code)) {
				positions[d].set(code, dims[d].codes.length);
				dims[d].codes.push(code);
				dims[d].labels.push(code);
			}
		});
	}
	const contents: Dimension = {
		id: 'ContentsCode',
		label: 'tabellinnehåll',
		codes: contentColumns.map((c) => c.code),
		labels: contentColumns.map((c) => c.text ?? c.code),
		units: Object.fromEntries(contentColumns.filter((c) => c.unit).map((c) => [c.code, { base: c.unit }])),
		role: 'metric'
	};
	const meta = Array.isArray(doc.metadata) && isObject(doc.metadata[0]) ? doc.metadata[0] : {};
	return {
		label: typeof meta.label === 'string' ? meta.label : '',
		source: typeof meta.source === 'string' ? meta.source : 'SCB',
		table: null,
		decimals: null,
		dimensions: [...dims, contents],
		forEachCell(cell) {
			const idx = new Array<number>(dims.length + 1).fill(0);
			data.forEach((row, r) => {
				const key = row.key ?? [];
				if (key.length !== dims.length || !Array.isArray(row.values) || row.values.length !== contentColumns.length) {
					throw new NotData(`rad ${r + 1} i "data" har ${key.length} nycklar och ${row.values?.length ?? 0} värden; väntade ${dims.length} och ${contentColumns.length}`);
				}
				key.forEach((code, d) => (idx[d] = positions[d].get(code)!));
				row.values.forEach((v, c) => {
					idx[dims.length] = c;
					cell(idx, v, null, r * contentColumns.length + c);
				});
			});
		}
	};
}
