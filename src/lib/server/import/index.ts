/** The import core's public surface, for scripts/import.ts, the seed and the admin upload page. */
export { runImport, runImportSync } from './run';
export { exportPlan, planCsv, planXlsx } from './plan-export';
export { PLAN_COLUMNS, PLAN_HEADER } from './plan-columns';
export { formatIssue } from './issues';
export { countText } from './summary';
export type * from './types';
export { IMPORT_KINDS } from './types';
