/**
 * A reporting page holds one form per value and assessment; a form action answers for one of them
 * (`saved` or `form` names it). This picks the answer for the form `formId`, or null.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function resultFor(form: unknown, formId: string): any {
	const f = form as { form?: string; saved?: string; unchanged?: boolean } | null;
	if (!f) return null;
	if (f.saved === formId) return { saved: true, unchanged: f.unchanged };
	return f.form === formId ? f : null;
}
