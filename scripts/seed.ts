// `npm run seed`: rebuild the demo database from scratch (DATABASE_URL, default data/lagesbild.db).
import { rmSync } from 'node:fs';
import { createDb } from '../src/lib/server/db/client';
import { seedDemo } from '../src/lib/server/seed';

const url = process.env.DATABASE_URL || 'data/lagesbild.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(url + suffix, { force: true });
const started = Date.now();
const db = createDb(url);
const summary = seedDemo(db);
db.$client.close();
console.log(`Demodatabasen ${url} är återskapad på ${Date.now() - started} ms: ${summary}.`);
