/** What the statistics importers (values, pxweb, kolada, kolada-ddf) share while they read one input. */
import type { Db } from '../db/client';
import type { ImportOptions } from './types';
import type { Issues } from './issues';
import type { ObservationSink } from './drafts';
import type { Geographies, Periods } from './resolve';
import type { SeriesIndicators } from './series';

export interface StatsContext {
	db: Db;
	options: ImportOptions;
	issues: Issues;
	writer: ObservationSink;
	geos: Geographies;
	periods: Periods;
	series: SeriesIndicators;
	/** The geography id of riket (for answers without a region dimension). */
	riketId(): number;
	/** Reports progress in bytes or rows read. */
	progress(done: number, total: number): void;
}
