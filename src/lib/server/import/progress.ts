/**
 * A progress bar for long imports on a terminal (written to stderr, so stdout stays clean for --json).
 * When the stream is not a TTY (a pipe, a log file, CI) it writes nothing at all.
 */

export interface ProgressStream {
	isTTY?: boolean;
	columns?: number;
	write(text: string): unknown;
}

export interface ProgressBar {
	update(done: number, total: number): void;
	/** Clears the bar's line. */
	end(): void;
}

const QUIET: ProgressBar = { update() {}, end() {} };
const INTERVAL_MS = 100;

export function progressBar(stream: ProgressStream, label: string, now: () => number = Date.now): ProgressBar {
	if (!stream.isTTY) return QUIET;
	let last = -Infinity;
	let shown = false;
	return {
		update(done, total) {
			const t = now();
			// Redrawing costs a write per call; a few per second is enough for a person.
			if (t - last < INTERVAL_MS && done < total) return;
			last = t;
			shown = true;
			const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 20));
			if (total > 0) {
				const share = Math.min(1, done / total);
				const filled = Math.round(share * width);
				stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)} %`);
			} else {
				stream.write(`\r${label} ${done.toLocaleString('sv-SE')} …`);
			}
		},
		end() {
			// Carriage return and "erase line": the summary then starts on a clean line.
			if (shown) stream.write('\r\x1b[2K');
		}
	};
}
