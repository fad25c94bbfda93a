/** A throwaway key set for tests: the server secret and an officer key pair, in the functions' environment. */
import { randomBytes } from 'node:crypto';
import { generateOfficerKeyPair } from '../../src/server/personal-data.ts';
import { serverClockEnv } from './clock.ts';

export interface TestKeys {
  env: Record<string, string>;
  officer: { id: string; publicKey: Uint8Array; privateKey: Uint8Array };
}

export async function testKeys(options: { capacity?: number } = {}): Promise<TestKeys> {
  const pair = await generateOfficerKeyPair();
  // The clock offset travels with the keys: every local server the tests start runs on their clock.
  const env: Record<string, string> = { LTSA_SERVER_SECRET: randomBytes(32).toString('base64'), OFFICER_PUBLIC_KEYS: `test-officer:${pair.publicKey}`, ...serverClockEnv() };
  if (options.capacity) env.PREREG_CAPACITY = String(options.capacity);
  return {
    env,
    officer: { id: 'test-officer', publicKey: new Uint8Array(Buffer.from(pair.publicKey, 'base64')), privateKey: new Uint8Array(Buffer.from(pair.privateKey, 'base64')) },
  };
}

/** Sets the keys for handlers running in this process. */
export function useKeys(keys: TestKeys): void {
  Object.assign(process.env, keys.env);
}
