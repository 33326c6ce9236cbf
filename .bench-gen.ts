// temporary: generate the bench CSV into a fixed dir (deleted after the experiment)
import { createDb } from './src/lib/server/db/client';
import { loadGeographies } from './src/lib/server/seed/geographies';
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
const dir = '/tmp/exp/bench'; mkdirSync(dir, { recursive: true });
const db = createDb(':memory:'); loadGeographies(db, 'scripts/demo-data');
const geos = (db.$client.prepare('SELECT code FROM geography ORDER BY id').all() as { code: string }[]).map((g) => g.code);
const out = createWriteStream(`${dir}/values.csv`);
let buf = 'indikator;geografi;period;kön;värde\n'; let i = 0;
const months: string[] = []; for (let y = 1990; months.length < 1000; y++) for (let m = 1; m <= 12; m++) months.push(`${y}M${String(m).padStart(2, '0')}`);
outer: for (let ind = 1; ; ind++) for (const g of geos) for (const p of months) for (const s of ['T','K','M']) {
  if (i >= 1_000_000) break outer;
  const v = i % 10 === 0 ? `${Math.floor(i / 7) % 900 + 100} ${String(i % 1000).padStart(3, '0')}` : `${(i % 100000) / 10}`.replace('.', ',');
  buf += `bench-${((ind - 1) % 10) + 1};${g};${p};${s};${v}\n`; i++;
  if (buf.length > 1 << 20) { if (!out.write(buf)) await once(out, 'drain'); buf = ''; }
}
out.end(buf); await once(out, 'finish');
