/**
 * Waits until SvelteKit has hydrated the page. Until then the page works as plain HTML (links, forms), so an
 * interaction that needs JavaScript — a checkbox that rewrites the URL, a key on the chart — would do nothing when
 * the machine is busy and the test is faster than the hydration.
 */
import type { Page } from '@playwright/test';

export async function waitForHydration(page: Page): Promise<void> {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

export async function gotoHydrated(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await waitForHydration(page);
}
