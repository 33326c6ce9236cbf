/**
 * Accounts for e2e tests: made with the user CLI against the e2e database, given a password through the
 * one-time link page, then signed out, so a test can sign in as whom it needs.
 */
import { execFileSync } from 'node:child_process';
import { expect, type Page, type TestInfo } from '@playwright/test';

export const ORIGIN = process.env.E2E_ORIGIN ?? 'http://127.0.0.1:4173';
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'data/e2e-4173.db';
export const PASSWORD = 'en lång och hemlig mening';

/** `npm run user -- …` against the e2e database; returns stdout (throws on a non-zero exit). */
export function userCli(...args: string[]): string {
	return execFileSync('npx', ['tsx', 'scripts/user.ts', ...args], {
		env: { ...process.env, DATABASE_URL, ORIGIN },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe']
	});
}

export const uniqueEmail = (info: TestInfo, what: string) => `${what}-${info.project.name}-${Date.now().toString(36)}@example.se`;

/** A user with a password; `scope` e.g. ['--org', 'region-orebro-lan'] for an editor. Leaves the browser signed out. */
export async function makeUser(page: Page, email: string, name: string, role: 'admin' | 'editor' | 'reviewer', scope: string[] = []) {
	const out = userCli('create', '--email', email, '--name', name, '--role', role, ...scope);
	const m = /http:\/\/127\.0\.0\.1:\d+(\/engangslank\/[\w-]{43})/.exec(out);
	expect(m, out).not.toBeNull();
	await page.goto(m![1]);
	await page.getByLabel('Nytt lösenord').fill(PASSWORD);
	await page.getByLabel('Upprepa lösenordet').fill(PASSWORD);
	await page.getByRole('button', { name: 'Spara och logga in' }).click();
	await expect(page).toHaveURL(/\/admin$/);
	await page.context().clearCookies();
}

export async function signIn(page: Page, email: string) {
	await page.goto('/logga-in');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page).toHaveURL(/\/admin$/);
}
