/**
 * How many generated inputs each property tries. The defaults keep `npm test` fast; `FC_RUNS=5000 npx vitest
 * run tests/unit/property` tries that many per property instead (FC_SEED=n repeats a run).
 */
import fc from 'fast-check';

export const runs = (n: number): fc.Parameters<unknown> => ({
	numRuns: Number(process.env.FC_RUNS) || n,
	...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {})
});

/** What a program error looks like in a message: users must never see these (or get a crash instead). */
export const INTERNALS = /TypeError|ReferenceError|RangeError|SyntaxError: Unexpected|Cannot read prop|is not a function|is not iterable|undefined|\bnull\b|\[object /;

/** A message without the parts that quote the input ('…', "…", «…»): only the words the program wrote. */
export const ownWords = (message: string): string => message.replace(/'[^']*'|"[^"]*"|«[^»]*»|‘[^’]*’|”[^”]*”/g, '…');

/**
 * The same for import messages, which quote the file (and a JSON file can hold null): only the signs of a
 * program error that no input produces. Unexpected exceptions are caught by their code ('error') anyway.
 */
export const IMPORT_INTERNALS = /TypeError|ReferenceError|RangeError|Cannot read prop|is not a function|is not iterable|\[object Object\]/;
