import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Silences rolldown's PLUGIN_TIMINGS notice on every build.
	build: { rolldownOptions: { checks: { pluginTimings: false } } },
	test: {
		environment: 'node',
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		// Pin time zone and locale so sv-SE dates and numbers format the same everywhere.
		env: { TZ: 'Europe/Stockholm', LANG: 'sv_SE.UTF-8' },
		expect: { requireAssertions: true }
	}
});
