/**
 * Whether values in a unit can be compared between areas of different size. Shares, rates per inhabitant
 * and indices can ("Jämtlands län 4,1 % vs riket 6,5 %"); counts and sums cannot (132 670 invånare vs
 * 10,5 miljoner says nothing about the län), so pages do not draw riket beside a count by default.
 */
const COMPARABLE = [/%/, /procent/i, /percent/i, /andel/i, /\bper\b/i, /\/\s*inv/i, /index/i, /\bkvot\b/i, /\bgrad\b/i];

export function isComparableAcrossAreas(unit: string | null | undefined): boolean {
	if (!unit) return false;
	return COMPARABLE.some((re) => re.test(unit));
}
