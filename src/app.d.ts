// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			locale: 'sv' | 'en';
			/** The signed-in user, or null (set by the session step in hooks.server.ts). */
			user: SessionUser | null;
			/** Quoted in logs, on the error page and in the `x-request-id` header. */
			requestId: string;
		}
		interface Error {
			message: string;
			/** An id the user can quote when reporting the error. */
			errorId?: string;
		}
	}
}

export {};
