import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets a second run go beside another (e.g. a developer's) on the same machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATABASE = `data/e2e-${PORT}.db`;
// Tests that drive the CLI against the same database read these (workers inherit the runner's environment).
process.env.E2E_ORIGIN = ORIGIN;
process.env.E2E_DATABASE_URL = DATABASE;

export default defineConfig({
	testDir: 'tests/e2e',
	workers: 1,
	reporter: [['list']],
	projects: [
		{ name: 'desktop', use: { ...devices['Desktop Chrome'] } },
		// The smallest phone the site must work on (WCAG reflow at 320–360 CSS px).
		{ name: 'phone', use: { viewport: { width: 360, height: 740 }, hasTouch: true } }
	],
	use: {
		baseURL: ORIGIN,
		locale: 'sv-SE',
		timezoneId: 'Europe/Stockholm',
		launchOptions: {
			// Debian's Chromium: browsers cannot be downloaded on these machines.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--headless',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		// A fresh database per run: the app migrates and seeds it on first request.
		command: `rm -f ${DATABASE} ${DATABASE}-* && node build`,
		url: `${ORIGIN}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(PORT), HOST: '127.0.0.1', ORIGIN, DATABASE_URL: DATABASE }
	}
});
