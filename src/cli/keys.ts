/**
 * `npm run keys -- <officer-id>`: makes an officer key pair (X25519, libsodium). The public key goes
 * into OFFICER_PUBLIC_KEYS on Netlify; the private key is written to <officer-id>.officer-key.json
 * for that officer alone, and never to the server. `--server-secret` also prints a fresh
 * LTSA_SERVER_SECRET entry ("v1:<base64>"; `--version=v2` for the next version when rotating).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { generateOfficerKeyPair } from '../server/personal-data.ts';

const args = process.argv.slice(2);
const id = args.find((a) => !a.startsWith('--'));
if (!id || !/^[a-z0-9-]{2,40}$/.test(id)) {
  console.error('Usage: npm run keys -- <officer-id> [--server-secret]\n  officer-id: 2-40 lowercase letters, digits or dashes, e.g. "petugas-ani"');
  process.exit(2);
}
const file = `${id}.officer-key.json`;
if (existsSync(file)) {
  console.error(`${file} already exists: refusing to overwrite a private key.`);
  process.exit(2);
}
const pair = await generateOfficerKeyPair();
writeFileSync(file, JSON.stringify({ id, ...pair, created: new Date().toISOString().slice(0, 10) }, null, 2), { mode: 0o600 });
console.log(`Private key written to ${file}. Give it to the officer only; never commit it or upload it to the server.`);
console.log(`\nAdd this entry to OFFICER_PUBLIC_KEYS (comma-separated) in the Netlify environment:\n  ${id}:${pair.publicKey}`);
if (args.includes('--server-secret')) {
  // A versioned entry: to rotate, put a new version first and keep the old one after it (README, "Rotating the server secret").
  const version = args.find((a) => /^--version=v[1-9]\d{0,3}$/.test(a))?.slice('--version='.length) ?? 'v1';
  console.log(`\nLTSA_SERVER_SECRET entry (version ${version}):\n  ${version}:${randomBytes(32).toString('base64')}`);
}
