import { defineConfig, devices } from '@playwright/test';

const PORT = 4173;
const ORIGIN = `http://127.0.0.1:${PORT}`;

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
		command: 'rm -f data/e2e.db data/e2e.db-* && node build',
		url: `${ORIGIN}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(PORT), HOST: '127.0.0.1', ORIGIN, DATABASE_URL: 'data/e2e.db' }
	}
});
