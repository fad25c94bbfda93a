/**
 * `npm start`: builds the site, then serves it with the functions and a local Blobs store at
 * http://localhost:8888 (PORT overrides). Ctrl-C stops it cleanly.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveSite } from './serve.ts';
import { ensureDevKeys, keyEnvironment } from './dev-keys.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const port = Number(process.env.PORT ?? 8888);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Keys from the environment win; otherwise a development set is made on first run.
const env = process.env.LTSA_SERVER_SECRET && process.env.OFFICER_PUBLIC_KEYS ? {} : keyEnvironment(await ensureDevKeys(root));
const site = await serveSite({ root, port, host: process.env.HOST ?? 'localhost', env });
console.log(`\nLTSA PMI Lampung is running at ${site.url}/  (Ctrl-C to stop)\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await site.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
