/**
 * The one place where status vocabularies get their symbols and words (Swedish first, English second).
 * Every page, export and legend reads from here so a status is always shown the same way.
 *
 * Status must never be shown by colour alone (WCAG 2.1 AA, 1.4.1), so every entry has a text symbol that
 * differs in SHAPE from the others in its vocabulary. Colours use ● ▲ ■ because these three are in WGL4,
 * i.e. in practically every system font (Arial, Times, Verdana, DejaVu …), and stay distinguishable in
 * greyscale print and for colour-blind readers. Renderers should mark the symbol `aria-hidden` and let
 * screen readers read `text`.
 */
import type { Colour, Direction, IndicatorStatus, Movement, Origin, Trend } from './types';

/** UI languages. Swedish is the primary language of the product. */
export type Locale = 'sv' | 'en';

/** A pair of texts, one per locale. */
export interface Bilingual {
	sv: string;
	en: string;
}

/** One vocabulary entry as stored in the config map. */
export interface LabelEntry {
	/** Text symbol, distinct in shape within its vocabulary. */
	symbol: string;
	/** Short name, e.g. "Grön". */
	sv: string;
	en: string;
	/** One-sentence meaning, as printed in legends. */
	meaning: Bilingual;
}

/** A label resolved for one locale: what helpers return and what components render. */
export interface Label {
	symbol: string;
	text: string;
	meaning: string;
}

/** Key used for "no colour": a goal, uppdrag or indicator that has not been assessed. */
export type ColourKey = Colour | 'notAssessed';

/** Progress categories of the Open SDG / Statistics Canada progress measure (see `progress.ts`). */
export type ProgressStatus = 'target_achieved' | 'substantial' | 'moderate' | 'limited' | 'deterioration';

/** The categories of the summary table "Sammanfattning uppföljning av mål och uppdrag". */
export type SummaryCategory = 'council_goals' | 'council_uppdrag' | 'committee_goals' | 'committee_uppdrag';

const colour: Record<ColourKey, LabelEntry> = {
	green: {
		symbol: '●',
		sv: 'Grön',
		en: 'Green',
		meaning: { sv: 'Uppnått eller överträffat målnivån', en: 'Target level reached or exceeded' }
	},
	yellow: {
		// A triangle reads as "warning" in most sign systems.
		symbol: '▲',
		sv: 'Gul',
		en: 'Yellow',
		meaning: {
			sv: 'Mindre, acceptabel avvikelse från målnivån',
			en: 'Minor, acceptable deviation from the target level'
		}
	},
	red: {
		symbol: '■',
		sv: 'Röd',
		en: 'Red',
		meaning: { sv: 'Större negativ avvikelse från målnivån', en: 'Major negative deviation from the target level' }
	},
	notAssessed: {
		symbol: '–',
		sv: 'Ej bedömd',
		en: 'Not assessed',
		meaning: { sv: 'Ingen bedömning är gjord för perioden', en: 'No assessment has been made for the period' }
	}
};

/*
 * The arrows show whether the result got BETTER or WORSE, not whether the number went up:
 * falling unemployment is "förbättrats" and gets ↗. Raw movement has its own vocabulary below.
 */
const trend: Record<Trend, LabelEntry> = {
	improved: {
		symbol: '↗',
		sv: 'Förbättrats',
		en: 'Improved',
		meaning: { sv: 'Resultatet har förbättrats', en: 'The result has improved' }
	},
	unchanged: {
		symbol: '→',
		sv: 'Oförändrat',
		en: 'Unchanged',
		meaning: { sv: 'Resultatet är oförändrat', en: 'The result is unchanged' }
	},
	worsened: {
		symbol: '↘',
		sv: 'Försämrats',
		en: 'Worsened',
		meaning: { sv: 'Resultatet har försämrats', en: 'The result has worsened' }
	}
};

/** Shown when no trend can be computed (missing values). */
const trendUnknown: LabelEntry = {
	symbol: '–',
	sv: 'Ingen jämförelse',
	en: 'No comparison',
	meaning: {
		sv: 'Utvecklingen kan inte bedömas eftersom värden saknas',
		en: 'The development cannot be assessed because values are missing'
	}
};

/** Raw movement, used where an indicator has no direction (e.g. population shown as context). */
const movement: Record<Movement, LabelEntry> = {
	up: { symbol: '↑', sv: 'Ökat', en: 'Increased', meaning: { sv: 'Värdet har ökat', en: 'The value has increased' } },
	flat: {
		symbol: '→',
		sv: 'Oförändrat',
		en: 'Unchanged',
		meaning: { sv: 'Värdet är oförändrat', en: 'The value is unchanged' }
	},
	down: {
		symbol: '↓',
		sv: 'Minskat',
		en: 'Decreased',
		meaning: { sv: 'Värdet har minskat', en: 'The value has decreased' }
	}
};

/*
 * Check mark / half circle / cross: distinct shapes, and different from the colour shapes so an indicator row
 * showing both a colour and a status never shows the same symbol twice. ".." is SCB's own symbol for a missing
 * value, which readers of Swedish statistics already know.
 */
const indicatorStatus: Record<IndicatorStatus, LabelEntry> = {
	full: {
		symbol: '✓',
		sv: 'Helt',
		en: 'Fully',
		meaning: { sv: 'Målvärdet är helt uppnått för perioden', en: 'The target is fully met for the period' }
	},
	partial: {
		symbol: '◐',
		sv: 'Delvis',
		en: 'Partly',
		meaning: { sv: 'Målvärdet är delvis uppnått för perioden', en: 'The target is partly met for the period' }
	},
	none: {
		symbol: '✕',
		sv: 'Inte alls',
		en: 'Not at all',
		meaning: { sv: 'Målvärdet är inte uppnått för perioden', en: 'The target is not met for the period' }
	},
	missing: {
		symbol: '..',
		sv: 'Värde saknas för perioden',
		en: 'No value for the period',
		meaning: { sv: 'Det finns inget utfall för perioden', en: 'There is no outcome for the period' }
	}
};

/** Shown when a value exists but no status can be derived (no colour, no status text). */
const indicatorStatusUnknown: LabelEntry = {
	symbol: '–',
	sv: 'Ej bedömd',
	en: 'Not assessed',
	meaning: { sv: 'Status kan inte bedömas för perioden', en: 'The status cannot be assessed for the period' }
};

const origin: Record<Origin, LabelEntry> = {
	council: {
		// "RF" is the abbreviation Swedish regions use for regionfullmäktige.
		symbol: 'RF',
		sv: 'Regionfullmäktige',
		en: 'Regional council',
		meaning: { sv: 'Beslutat av regionfullmäktige', en: 'Decided by the regional council' }
	},
	committee: {
		symbol: 'N',
		sv: 'Nämnden',
		en: 'The committee',
		meaning: { sv: 'Beslutat av nämnden', en: 'Decided by the committee' }
	},
	other: {
		symbol: '–',
		sv: 'Annan',
		en: 'Other',
		meaning: { sv: 'Annat ursprung', en: 'Other origin' }
	}
};

const direction: Record<Direction, LabelEntry> = {
	up: {
		symbol: '↑',
		sv: 'Högre värde är bättre',
		en: 'Higher is better',
		meaning: { sv: 'Målet är att värdet ska öka', en: 'The aim is for the value to increase' }
	},
	down: {
		symbol: '↓',
		sv: 'Lägre värde är bättre',
		en: 'Lower is better',
		meaning: { sv: 'Målet är att värdet ska minska', en: 'The aim is for the value to decrease' }
	},
	none: {
		symbol: '↕',
		sv: 'Ingen riktning',
		en: 'No direction',
		meaning: {
			sv: 'Indikatorn visas som bakgrund utan att bedömas',
			en: 'The indicator is shown as context without assessment'
		}
	}
};

/*
 * A four-step meter, like the four-segment gauge icon of Open SDG: the number of filled dots is the shape.
 * Built from ● and ○ only, which are in every common font.
 */
const progress: Record<ProgressStatus, LabelEntry> = {
	target_achieved: {
		symbol: '●●●●',
		sv: 'Målet är nått',
		en: 'Target achieved',
		meaning: { sv: 'Det senaste värdet når målet', en: 'The latest value meets the target' }
	},
	substantial: {
		symbol: '●●●○',
		sv: 'Betydande framsteg',
		en: 'Substantial progress',
		meaning: {
			sv: 'Utvecklingen går i en takt som räcker för att nå målet i tid',
			en: 'Progress is on track to reach the target on time'
		}
	},
	moderate: {
		symbol: '●●○○',
		sv: 'Måttliga framsteg',
		en: 'Moderate progress',
		meaning: {
			sv: 'Utvecklingen går åt rätt håll men takten behöver öka',
			en: 'Progress is made but acceleration is needed'
		}
	},
	limited: {
		symbol: '●○○○',
		sv: 'Begränsade framsteg',
		en: 'Limited progress',
		meaning: {
			sv: 'Utvecklingen går åt rätt håll men mycket långsamt',
			en: 'Progress is made but very slowly'
		}
	},
	deterioration: {
		symbol: '○○○○',
		sv: 'Försämring',
		en: 'Deterioration',
		meaning: { sv: 'Utvecklingen går åt fel håll', en: 'The indicator is moving away from the target' }
	}
};

const progressUnknown: LabelEntry = {
	symbol: '–',
	sv: 'Kan inte beräknas',
	en: 'Cannot be calculated',
	meaning: {
		sv: 'Det finns inte tillräckligt med data för att beräkna framstegen',
		en: 'There is not enough data to calculate progress'
	}
};

/* Wording of the summary table "3.1 Sammanfattning uppföljning av mål och uppdrag". */
const summaryCategory: Record<SummaryCategory, LabelEntry> = {
	council_goals: {
		symbol: 'RF',
		sv: 'Mål från regionfullmäktige',
		en: 'Goals from the regional council',
		meaning: { sv: 'Inriktningsmål beslutade av regionfullmäktige', en: 'Goals decided by the regional council' }
	},
	council_uppdrag: {
		symbol: 'RF',
		sv: 'Uppdrag från regionfullmäktige',
		en: 'Assignments from the regional council',
		meaning: { sv: 'Uppdrag beslutade av regionfullmäktige', en: 'Assignments decided by the regional council' }
	},
	committee_goals: {
		symbol: 'N',
		sv: 'Mål från nämnden',
		en: 'Goals from the committee',
		meaning: { sv: 'Mål som nämnden själv har beslutat', en: 'Goals decided by the committee itself' }
	},
	committee_uppdrag: {
		symbol: 'N',
		sv: 'Uppdrag från nämnden',
		en: 'Assignments from the committee',
		meaning: { sv: 'Uppdrag som nämnden själv har beslutat', en: 'Assignments decided by the committee itself' }
	}
};

/** The config map of all status vocabularies. Keys are the stable English keys of `types.ts`. */
export const LABELS = {
	colour,
	trend,
	movement,
	indicatorStatus,
	origin,
	direction,
	progress,
	summaryCategory
} as const;

/** Legend headings, word for word as the Swedish verksamhetsberättelse prints them. */
export const LEGEND_HEADINGS = {
	colour: {
		sv: 'Färgindikatorer, måluppfyllelse och genomförande av uppdrag',
		en: 'Colour indicators, goal fulfilment and completion of assignments'
	},
	trend: {
		sv: 'Förändringspilar, utveckling under året, resultat jämfört med föregående år alternativt årets början',
		en: 'Change arrows, development during the year, result compared with the previous year or the start of the year'
	},
	indicatorStatus: {
		sv: 'Indikatorer, status för perioden',
		en: 'Indicators, status for the period'
	},
	progress: {
		sv: 'Framsteg mot målet, beräknat enligt Open SDG',
		en: 'Progress towards the target, calculated with the Open SDG method'
	}
} as const satisfies Record<string, Bilingual>;

/** The vocabularies that have a printed legend. */
export type LegendKind = keyof typeof LEGEND_HEADINGS;

/** Resolve a stored entry for one locale. */
export function resolveLabel(entry: LabelEntry, locale: Locale = 'sv'): Label {
	return { symbol: entry.symbol, text: entry[locale], meaning: entry.meaning[locale] };
}

/** Label of a colour; `null` means not assessed. */
export function colourLabel(c: Colour | null, locale: Locale = 'sv'): Label {
	return resolveLabel(colour[c ?? 'notAssessed'], locale);
}

/** Label of a trend arrow; `null` means no comparison was possible. */
export function trendLabel(t: Trend | null, locale: Locale = 'sv'): Label {
	return resolveLabel(t ? trend[t] : trendUnknown, locale);
}

/** Label of a raw movement (for indicators without direction); `null` means no comparison was possible. */
export function movementLabel(m: Movement | null, locale: Locale = 'sv'): Label {
	return resolveLabel(m ? movement[m] : trendUnknown, locale);
}

/** Label of an indicator status; `null` means a value exists but its status cannot be said. */
export function statusLabel(s: IndicatorStatus | null, locale: Locale = 'sv'): Label {
	return resolveLabel(s ? indicatorStatus[s] : indicatorStatusUnknown, locale);
}

/** Label of where a goal or uppdrag comes from. */
export function originLabel(o: Origin, locale: Locale = 'sv'): Label {
	return resolveLabel(origin[o], locale);
}

/** Label of an indicator's direction. */
export function directionLabel(d: Direction, locale: Locale = 'sv'): Label {
	return resolveLabel(direction[d], locale);
}

/** Label of an Open SDG progress status; `null` means it could not be calculated. */
export function progressLabel(p: ProgressStatus | null, locale: Locale = 'sv'): Label {
	return resolveLabel(p ? progress[p] : progressUnknown, locale);
}

/** Label of a row of the summary table. */
export function summaryCategoryLabel(c: SummaryCategory, locale: Locale = 'sv'): Label {
	return resolveLabel(summaryCategory[c], locale);
}

/** A legend ready to render: heading plus entries in printed order. */
export interface Legend {
	heading: string;
	items: (Label & { key: string })[];
}

/* Printed order of each legend; "not assessed" is ours, the printed colour legend has only three rows. */
const LEGEND_ORDER: { [K in LegendKind]: [string, LabelEntry][] } = {
	colour: [
		['green', colour.green],
		['yellow', colour.yellow],
		['red', colour.red],
		['notAssessed', colour.notAssessed]
	],
	trend: [
		['improved', trend.improved],
		['unchanged', trend.unchanged],
		['worsened', trend.worsened]
	],
	indicatorStatus: [
		['full', indicatorStatus.full],
		['partial', indicatorStatus.partial],
		['none', indicatorStatus.none],
		['missing', indicatorStatus.missing]
	],
	progress: [
		['target_achieved', progress.target_achieved],
		['substantial', progress.substantial],
		['moderate', progress.moderate],
		['limited', progress.limited],
		['deterioration', progress.deterioration]
	]
};

/** The legend of one vocabulary, for pages, print and exports. */
export function legend(kind: LegendKind, locale: Locale = 'sv'): Legend {
	return {
		heading: LEGEND_HEADINGS[kind][locale],
		items: LEGEND_ORDER[kind].map(([key, entry]) => ({ key, ...resolveLabel(entry, locale) }))
	};
}
