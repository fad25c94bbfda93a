/**
 * A development key set for local runs: a server secret and one officer key pair, generated on
 * first start into .dev-keys/ (git-ignored), so the whole flow works locally. Never used when the
 * environment already provides keys, and never for production.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOfficerKeyPair } from '../server/personal-data.ts';

export interface DevKeys {
  serverSecret: string;
  officer: { id: string; publicKey: string; privateKey: string };
}

export async function ensureDevKeys(root: string): Promise<DevKeys> {
  const dir = join(root, '.dev-keys');
  const file = join(dir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
  const keys: DevKeys = { serverSecret: randomBytes(32).toString('base64'), officer: { id: 'dev-officer', ...(await generateOfficerKeyPair()) } };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  console.log(`Generated a development key set in ${file} (git-ignored; not for production).`);
  return keys;
}

/** The environment the functions read, from a key set. */
export function keyEnvironment(keys: DevKeys): Record<string, string> {
  return { LTSA_SERVER_SECRET: keys.serverSecret, OFFICER_PUBLIC_KEYS: `${keys.officer.id}:${keys.officer.publicKey}` };
}
