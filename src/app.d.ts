// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			locale: 'sv' | 'en';
		}
		interface Error {
			message: string;
			/** An id the user can quote when reporting the error. */
			errorId?: string;
		}
	}
}

export {};
