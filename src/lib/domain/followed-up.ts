/**
 * Which goals of a plan are followed up, i.e. counted in "3.1 Sammanfattning uppföljning av mål och uppdrag"
 * and shown with colour and comment: the deepest level (Örebro's "Inriktningsmål: Nr N." and the nämnd's
 * "Mål:"), and a goal between an avsnitt and that level only when it is followed up itself, i.e. it has
 * nothing below it and indicators of its own. An avsnitt (depth 0) is never counted, and neither is an
 * "Övergripande mål:" without goals under it (Örebro 2019, 3.7 Digitalisering): the printed summary counts
 * 10 + 2 = 12 of the 13 inriktningsmål for regionfullmäktige and the 3 nämndmål, and no övergripande mål.
 * The chapter, its exports and the organisation page all count with this one rule.
 */
export interface GoalShape {
	depth: number;
	/** Other (not archived) goals below it. */
	hasChildren: boolean;
	/** Indicators linked to it. */
	hasIndicators: boolean;
}

/** `deepest` is the plan's deepest level, levelNames.length - 1. */
export function isFollowedUp(g: GoalShape, deepest: number): boolean {
	if (g.depth <= 0) return false;
	return g.depth >= deepest || (!g.hasChildren && g.hasIndicators);
}
