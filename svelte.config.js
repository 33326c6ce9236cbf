import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our own code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		// Content-Security-Policy for every page. 'auto': a fresh nonce per server-rendered response for
		// SvelteKit's inline start-up script (hashes for prerendered pages), so scripts need no 'unsafe-inline'.
		// style-src keeps 'unsafe-inline': Svelte writes style="…" attributes (chart positions, colour swatches,
		// the tooltip) and style: directives at run time, which no nonce or hash can cover; styles cannot run
		// code, and every script source stays locked down. frame-ancestors is added per route in
		// src/lib/server/http/security.ts (only /embed/** may be framed).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				// blob: the PNG download draws the chart's SVG through an object URL.
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
