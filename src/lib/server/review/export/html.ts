/**
 * The chapter as one self-contained, print-ready HTML document (A4, no scripts, no external files). It is the
 * "print-ready HTML page" download, and the PDF is Chromium printing exactly this document, so the two never
 * differ. Everything is escaped; status is symbol + text, colour only as an extra.
 */
import type { Chapter, ChapterGoal, ChapterIndicator, ChapterUppdrag } from '../chapter';
import { goalHeading, sectionHeading, uppdragHeading } from '../chapter';
import { formatDateLong } from '../../../domain/format';
import {
	approvalLine,
	CHAPTER_TITLE,
	colourText,
	LEGEND_TITLE,
	legendBlocks,
	statusText,
	SUMMARY_COLUMNS,
	summaryTitle,
	trendText
} from './text';
import type { Colour } from '../../../domain/types';
import type { AssessmentView } from '../../queries/shared';

const esc = (s: string | null | undefined) =>
	(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const paragraphs = (text: string) =>
	text
		.split(/\n\s*\n/)
		.filter((p) => p.trim())
		.map((p) => `<p>${esc(p.trim())}</p>`)
		.join('');

const colourSpan = (c: Colour | null) => `<span class="colour colour--${c ?? 'none'}">${esc(colourText(c))}</span>`;

function statusLine(a: AssessmentView | null) {
	const parts = [colourSpan(a?.colour ?? null)];
	const t = trendText(a?.trend ?? null);
	if (t) parts.push(`<span class="trend">${esc(t)}</span>`);
	return `<p class="status">${parts.join(' ')}</p>`;
}

function comment(text: string | null | undefined) {
	return text ? `<div class="comment"><p class="comment-label">Kommentar</p>${paragraphs(text)}</div>` : '';
}

function indicatorTable(goal: ChapterGoal) {
	if (goal.indicators.length === 0) return '';
	const row = (i: ChapterIndicator) => {
		const status = [colourText(i.assessment?.colour ?? null), trendText(i.assessment?.trend ?? null), statusText(i.assessment?.indicatorStatus ?? null)]
			.filter(Boolean)
			.join(' · ');
		const main = `<tr><th scope="row">${esc(i.name)}</th><td class="num">${esc(i.utfall)}${i.utfallPeriod ? `<span class="period"> (${esc(i.utfallPeriod)})</span>` : ''}</td><td>${esc(i.target)}</td><td>${esc(status)}</td></tr>`;
		const note = i.assessment?.comment ? `<tr class="note"><td colspan="4"><span class="comment-label">Kommentar:</span> ${esc(i.assessment.comment)}</td></tr>` : '';
		return main + note;
	};
	return `<table class="indicators"><caption class="visually-hidden">Indikatorer: ${esc(goalHeading(goal))} ${esc(goal.title)}</caption>
<thead><tr><th scope="col">Indikatorer</th><th scope="col">Utfall</th><th scope="col">Målvärde</th><th scope="col">Status</th></tr></thead>
<tbody>${goal.indicators.map(row).join('')}</tbody></table>`;
}

function goalBlock(goal: ChapterGoal) {
	return `<section class="goal"><h3><span class="label">${esc(goalHeading(goal))}</span> ${esc(goal.title)}</h3>
${statusLine(goal.assessment)}${comment(goal.assessment?.comment)}${indicatorTable(goal)}</section>`;
}

function uppdragBlock(u: ChapterUppdrag) {
	return `<section class="uppdrag"><h3><span class="label">${esc(uppdragHeading(u))}</span> ${esc(u.text)}</h3>
${statusLine(u.assessment)}${comment(u.assessment?.comment)}</section>`;
}

/** The body of the chapter (also used inside other pages). */
export function chapterBodyHtml(ch: Chapter): string {
	const legend = legendBlocks()
		.map(
			(b) =>
				`<div class="legend-block"><p class="legend-heading">${esc(b.heading)}</p><ul>${b.lines
					.map((l) => `<li><span class="symbol">${esc(l.symbol)}</span> ${esc(l.text)}</li>`)
					.join('')}</ul></div>`
		)
		.join('');
	const summary = `<table class="summary"><caption>${esc(summaryTitle(ch))}</caption>
<thead><tr><td></td>${SUMMARY_COLUMNS.map((c) => `<th scope="col">${esc(c.heading)}</th>`).join('')}</tr></thead>
<tbody>${ch.summary
		.map((r) => `<tr><th scope="row">${esc(r.label.sv)}</th>${SUMMARY_COLUMNS.map((c) => `<td class="num">${r[c.key]}</td>`).join('')}</tr>`)
		.join('')}</tbody></table>`;
	const sections = ch.sections
		.map(
			(s) => `<section class="avsnitt"><h2>${esc(sectionHeading(s))}</h2>
${s.overall.map((o) => `<p class="overall"><strong>${esc(o.label ?? 'Övergripande mål:')}</strong> ${esc(o.title)}</p>`).join('')}
${s.goals.map(goalBlock).join('')}${s.uppdrag.map(uppdragBlock).join('')}</section>`
		)
		.join('\n');
	return `<header><h1>${esc(CHAPTER_TITLE)}</h1>
<p class="meta">${esc(ch.organisation.name)} · ${esc(ch.plan.name)} · ${esc(ch.period.label)}</p>
<p class="meta">${esc(approvalLine(ch))}</p>
${ch.organisation.isExample ? '<p class="example"><strong>Exempeldata.</strong> Allt i kapitlet är påhittat.</p>' : ''}</header>
<section class="legend"><h2>${esc(LEGEND_TITLE)}</h2>${legend}</section>
<section class="summary-section">${summary}</section>
${sections}
${ch.plan.source ? `<p class="source">Källa: ${esc(ch.plan.source)}</p>` : ''}`;
}

const CSS = `
@page { size: A4; margin: 20mm 18mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; margin: 0 auto; max-width: 50rem; padding: 1rem; }
h1 { font-size: 20pt; margin: 0 0 .3rem; }
h2 { font-size: 14pt; margin: 1.4rem 0 .4rem; border-bottom: 2px solid #1d4f91; break-after: avoid; }
h3 { font-size: 11pt; margin: 1rem 0 .2rem; break-after: avoid; }
.label { font-weight: 700; }
.meta { margin: .1rem 0; color: #333; }
.example { border: 2px dashed #8a5a00; padding: .3rem .5rem; }
.legend-block { display: inline-block; vertical-align: top; width: 32%; margin-right: 1%; }
.legend-heading { font-weight: 700; margin: .3rem 0; font-size: 9.5pt; }
.legend ul { list-style: none; padding: 0; margin: 0; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: 9.5pt; }
caption { text-align: left; font-weight: 700; padding: .2rem 0; }
th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef6; }
tbody th { font-weight: 400; }
.num { text-align: right; white-space: nowrap; }
.period { color: #444; font-size: 8.5pt; }
tr { break-inside: avoid; }
tr.note td { font-size: 9pt; color: #222; background: #fafafa; }
.status { margin: .2rem 0; }
.colour, .trend { border: 1px solid #999; border-radius: 1em; padding: 0 .5em; white-space: nowrap; }
.colour--green { background: #dff3e4; border-color: #1e7b34; }
.colour--yellow { background: #fff4cc; border-color: #8a6d00; }
.colour--red { background: #fde2e1; border-color: #b3261e; }
.comment-label { font-weight: 700; margin: .3rem 0 0; }
.comment p { margin: .2rem 0; }
.overall { margin: .3rem 0 .6rem; }
.source { margin-top: 1.5rem; font-size: 9pt; color: #333; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

/** A complete HTML document of the chapter, ready to print or save. */
export function chapterHtml(ch: Chapter): string {
	const title = `${CHAPTER_TITLE} – ${ch.plan.name} – ${ch.period.label}`;
	return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><main>${chapterBodyHtml(ch)}</main>
<footer><p class="source">Skapad ${esc(formatDateLong(new Date().toISOString().slice(0, 10)))} ur Lägesbild.</p></footer></body></html>`;
}
