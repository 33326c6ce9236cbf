import type { Locale } from '../i18n';

const SEX_WORD = {
	sv: { T: 'totalt', K: 'kvinnor', M: 'män' },
	en: { T: 'total', K: 'women', M: 'men' }
} as const;

/** "kvinnor" / "women" for the sex codes of Swedish statistics (T, K, M). */
export function sexWord(sex: 'T' | 'K' | 'M', locale: Locale): string {
	return SEX_WORD[locale][sex];
}
