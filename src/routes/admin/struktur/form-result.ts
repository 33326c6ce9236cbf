/** What a structure form action returns to its page (failures from $lib/server/structure/form, successes). */
export interface FormResult {
	form: string;
	values: Record<string, string>;
	errors: Record<string, string>;
	message?: string;
	conflict?: { current: Record<string, string>; version: number };
	saved?: boolean;
	preview?: boolean;
}

export const asResult = (form: unknown) => (form ?? null) as FormResult | null;
