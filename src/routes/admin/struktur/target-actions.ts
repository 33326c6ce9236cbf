/**
 * The target form actions shared by the goal and indicator pages. Each page's action calls requireRole
 * first and then one of these with the signed-in user.
 */
import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { Locale } from '$lib/i18n';
import { formStrings } from '$lib/server/auth/forms';
import { attempt, idParam, parseForm, versionOf } from '$lib/server/structure/form';
import { TARGET_FIELDS, targetSchema } from '$lib/server/structure/schemas';
import { createTarget, deleteTarget, updateTarget } from '$lib/server/structure/targets';

const keyOf = (fd: FormData) => String(fd.get('key') ?? '').replace(/[^\w-]/g, '').slice(0, 40);

export function previewAction(fd: FormData) {
	const key = keyOf(fd);
	// Nothing is saved: the page shows the parser's reading of the typed wording.
	return fail(400, { form: key, values: formStrings(fd, [...TARGET_FIELDS, 'version']), errors: {}, preview: true });
}

export function createTargetAction(user: SessionUser, locale: Locale, fd: FormData, goalId: number | null) {
	const key = keyOf(fd);
	const parsed = parseForm(fd, TARGET_FIELDS, targetSchema(locale), key);
	if (!parsed.ok) return parsed.failure;
	const indicatorId = idParam(String(fd.get('indicatorId')));
	const id = attempt(locale, key, parsed.values, () => createTarget(getDb(), user, indicatorId, goalId, parsed.data));
	return typeof id === 'number' ? { form: key, saved: true } : id;
}

export function updateTargetAction(user: SessionUser, locale: Locale, fd: FormData) {
	const key = keyOf(fd);
	const parsed = parseForm(fd, TARGET_FIELDS, targetSchema(locale), key);
	if (!parsed.ok) return parsed.failure;
	const id = idParam(String(fd.get('targetId')));
	const done = attempt(locale, key, parsed.values, () => updateTarget(getDb(), user, id, versionOf(parsed.values), parsed.data));
	return typeof done === 'number' ? { form: key, saved: true } : done;
}

export function deleteTargetAction(user: SessionUser, locale: Locale, fd: FormData) {
	const key = keyOf(fd);
	const id = idParam(String(fd.get('targetId')));
	return attempt(locale, key, formStrings(fd, TARGET_FIELDS), () => (deleteTarget(getDb(), user, id), { form: 'targets', saved: true }));
}
