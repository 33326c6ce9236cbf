import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	schema: ['./src/lib/server/db/schema.ts', './src/lib/server/db/schema-auth.ts', './src/lib/server/db/schema-drafts.ts', './src/lib/server/db/schema-review.ts', './src/lib/server/db/schema-insatser.ts', './src/lib/server/db/schema-revision.ts'],
	out: './drizzle',
	dialect: 'sqlite',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'data/lagesbild.db' },
	strict: true,
	verbose: true
});
