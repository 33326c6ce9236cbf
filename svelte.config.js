import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our own code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// precompress: gzip and brotli copies of the built assets (/_app), served by adapter-node by the
		// client's Accept-Encoding. Dynamic responses are compressed in src/lib/server/http/cache-handle.ts.
		adapter: adapter({ precompress: true }),
		// Content-Security-Policy for every page. 'hash': the sha256 of SvelteKit's inline start-up script, so
		// scripts need no 'unsafe-inline'. Not nonces: a cached page (src/lib/server/http/cache-handle.ts) would
		// replay the same nonce to every reader, which defeats a nonce; a hash of the very script is as strict
		// and the same for every copy of the page.
		// style-src keeps 'unsafe-inline': Svelte writes style="…" attributes (chart positions, colour swatches,
		// the tooltip) and style: directives at run time, which no nonce or hash can cover; styles cannot run
		// code, and every script source stays locked down. frame-ancestors is added per route in
		// src/lib/server/http/security.ts (only /embed/** may be framed).
		csp: {
			mode: 'hash',
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
