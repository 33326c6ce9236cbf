// `npm start`: build once if there is no build, then serve it with sensible local defaults.
// PORT, HOST, ORIGIN and DATABASE_URL override. The server migrates and seeds an empty database itself.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('build/index.js')) {
	console.log('Lägesbild: ingen build hittades – bygger först (npm run build) …');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const built = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

process.env.PORT ??= '3000';
process.env.HOST ??= '127.0.0.1';
// Without ORIGIN, adapter-node assumes https and refuses the browser's form posts (see README).
process.env.ORIGIN ??= `http://${process.env.HOST}:${process.env.PORT}`;
// Largest request body (import files uploaded by officials); adapter-node's own default is 512K. The import
// page takes files up to 20 MB; the extra megabyte is room for the rest of its form (a mapping file, options).
process.env.BODY_SIZE_LIMIT ??= '21M';
console.log(`Lägesbild: startar på ${process.env.ORIGIN}`);
await import('../build/index.js');
