/**
 * Chart downloads, browser only (DOM, canvas): a chart's SVG as a standalone file, as PNG, and the download itself.
 * Nothing here imports server code, and nothing runs at import time, so it is safe to import from a component.
 *
 * The charts are drawn in percent of a measured frame (see README.md, "SSR"), and their CSS lives in the page.
 * A standalone file has neither, so the export pins the size in pixels, copies the computed styles that affect
 * drawing onto each element, drops what is only there for interaction (the cursor), and adds a white background,
 * the title at the top and the source at the bottom.
 */
import { textWidth } from './layout';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const MARGIN = 16;
const TITLE_FONT = 16;
const TITLE_LINE = 21;
const SOURCE_FONT = 12;

/** Computed properties copied onto every element of the exported SVG. */
const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'text-decoration-line',
	'paint-order',
	'vector-effect',
	'transform'
];

export interface ExportOptions {
	/** Written above the chart; default the SVG's aria-label. */
	title?: string;
	/** Written below the chart, e.g. "Källa: Kolada (SCB)". */
	source?: string;
	/** The box to export, default the LayerCake container around the SVG (the chart including axis labels). */
	frame?: Element;
}

/** A standalone SVG file of a rendered chart SVG (which must be in the document, so styles can be computed). */
export function svgElementToString(svg: SVGSVGElement, opts: ExportOptions = {}): string {
	const frame = opts.frame ?? svg.closest('.layercake-container') ?? svg.parentElement ?? svg;
	const frameBox = frame.getBoundingClientRect();
	const svgBox = svg.getBoundingClientRect();
	const width = Math.round(frameBox.width) + 2 * MARGIN;
	const fontFamily = getComputedStyle(svg).fontFamily;

	const title = opts.title ?? svg.getAttribute('aria-label') ?? '';
	const titleLines = wrap(title, width - 2 * MARGIN, TITLE_FONT);
	const top = MARGIN + titleLines.length * TITLE_LINE + (titleLines.length ? 10 : 0);
	const chartHeight = Math.round(frameBox.height);
	const height = top + chartHeight + (opts.source ? 12 + SOURCE_FONT + MARGIN : MARGIN);

	const clone = svg.cloneNode(true) as SVGSVGElement;
	inlineStyles(svg, clone);
	clone.querySelectorAll('.highlight').forEach((el) => el.remove());
	clone.removeAttribute('style');
	clone.removeAttribute('class');
	clone.setAttribute('x', String(round(svgBox.left - frameBox.left + MARGIN)));
	clone.setAttribute('y', String(round(svgBox.top - frameBox.top + top)));
	clone.setAttribute('width', String(round(svgBox.width)));
	clone.setAttribute('height', String(round(svgBox.height)));
	clone.setAttribute('overflow', 'visible');
	clone.querySelectorAll('use').forEach((use) => {
		const href = use.getAttribute('href');
		if (href) use.setAttributeNS(XLINK_NS, 'xlink:href', href);
	});

	const root = document.createElementNS(SVG_NS, 'svg');
	root.setAttribute('xmlns', SVG_NS);
	root.setAttribute('xmlns:xlink', XLINK_NS);
	root.setAttribute('width', String(width));
	root.setAttribute('height', String(height));
	root.setAttribute('viewBox', `0 0 ${width} ${height}`);
	root.setAttribute('font-family', fontFamily);
	const doc = document.createElementNS(SVG_NS, 'title');
	doc.textContent = title;
	root.append(doc, element('rect', { width: '100%', height: '100%', fill: '#ffffff' }));
	titleLines.forEach((line, i) => {
		const text = element('text', {
			x: String(MARGIN),
			y: String(MARGIN + (i + 0.8) * TITLE_LINE),
			'font-size': String(TITLE_FONT),
			'font-weight': '700',
			fill: '#1b1f24'
		});
		text.textContent = line;
		root.append(text);
	});
	root.append(clone);
	if (opts.source) {
		const text = element('text', {
			x: String(MARGIN),
			y: String(height - MARGIN),
			'font-size': String(SOURCE_FONT),
			fill: '#4a5360'
		});
		text.textContent = opts.source;
		root.append(text);
	}
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
}

/** The same file as a PNG, drawn at `scale` × its size (2 = sharp on high-density screens and in print). */
export async function svgToPngBlob(svg: SVGSVGElement, scale = 2, opts: ExportOptions = {}): Promise<Blob> {
	const source = svgElementToString(svg, opts);
	const root = new DOMParser().parseFromString(source, 'image/svg+xml').documentElement;
	const width = Number(root.getAttribute('width'));
	const height = Number(root.getAttribute('height'));
	const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = new Image();
		image.decoding = 'sync';
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
			image.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('No 2D canvas available');
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.scale(scale, scale);
		ctx.drawImage(image, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Saves a blob under a file name through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// Some browsers read the URL after click() returns; give them a moment before it is revoked.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies drawing styles from each original element to its clone; elements that are not displayed are removed. */
function inlineStyles(original: Element, clone: Element): void {
	const originals = [original, ...original.querySelectorAll('*')];
	const clones = [clone, ...clone.querySelectorAll('*')];
	const hidden: Element[] = [];
	originals.forEach((el, i) => {
		const target = clones[i];
		if (!target) return;
		const computed = getComputedStyle(el);
		// Shapes in <defs> are drawn through <use>, which passes its own fill and stroke down: pinning the defs'
		// computed colours (black) would override that. Only their CSS transform (marker size) is carried over.
		if (el.closest('defs')) {
			if (computed.transform !== 'none') target.setAttribute('style', `transform:${computed.transform}`);
			return;
		}
		if (computed.display === 'none' || computed.visibility === 'hidden') {
			hidden.push(target);
			return;
		}
		const declarations = STYLE_PROPS.map((prop) => [prop, computed.getPropertyValue(prop)] as const)
			.filter(([prop, value]) => value !== '' && !(prop === 'transform' && value === 'none'))
			.map(([prop, value]) => `${prop}:${value}`);
		target.setAttribute('style', declarations.join(';'));
	});
	hidden.forEach((el) => el.remove());
}

function element(name: string, attrs: Record<string, string>): SVGElement {
	const el = document.createElementNS(SVG_NS, name);
	for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
	return el;
}

function wrap(text: string, maxWidth: number, fontSize: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && textWidth(next, fontSize, true) > maxWidth) {
			lines.push(line);
			line = word;
		} else {
			line = next;
		}
	}
	if (line) lines.push(line);
	return lines;
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}
