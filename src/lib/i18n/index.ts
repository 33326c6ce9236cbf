/**
 * Two languages: Swedish first, English second. Each component or page keeps its own small dictionary
 * `{ sv: {...}, en: {...} }` beside its code and picks with `text[locale]`; shared words live here.
 * The locale comes from `?lang=sv|en` (remembered in a cookie) and reaches pages as `data.locale`.
 */
export type Locale = 'sv' | 'en';

export const LOCALES: readonly Locale[] = ['sv', 'en'];

export function isLocale(x: unknown): x is Locale {
	return x === 'sv' || x === 'en';
}

/** Words used across many pages. */
export const common = {
	sv: {
		home: 'Start',
		search: 'Sök',
		skipToContent: 'Till innehållet',
		mainMenu: 'Huvudmeny',
		breadcrumbs: 'Du är här',
		exampleData: 'Exempeldata.',
		exampleDataLong: 'Allt på den här sidan är påhittat för att visa hur tjänsten fungerar.',
		source: 'Källa',
		period: 'Uppföljningsperiod',
		show: 'Visa',
		comment: 'Kommentar',
		noTarget: 'Inget målvärde angivet',
		indicator: 'Indikator',
		indicators: 'Indikatorer',
		value: 'Utfall',
		target: 'Målvärde',
		status: 'Status',
		uppdrag: 'Uppdrag',
		language: 'In English',
		languageHref: 'en'
	},
	en: {
		home: 'Home',
		search: 'Search',
		skipToContent: 'Skip to content',
		mainMenu: 'Main menu',
		breadcrumbs: 'You are here',
		exampleData: 'Example data.',
		exampleDataLong: 'Everything on this page is made up to show how the service works.',
		source: 'Source',
		period: 'Follow-up period',
		show: 'Show',
		comment: 'Comment',
		noTarget: 'No target value given',
		indicator: 'Indicator',
		indicators: 'Indicators',
		value: 'Value',
		target: 'Target',
		status: 'Status',
		uppdrag: 'Assignments',
		language: 'På svenska',
		languageHref: 'sv'
	}
} as const;
