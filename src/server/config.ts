/**
 * Secrets and keys from the environment, checked strictly when first read. The server holds no key
 * that can decrypt personal data: it has the officers' PUBLIC keys only, and the server secret for
 * keyed hashes and short-lived tokens.
 *
 *   LTSA_SERVER_SECRET   versioned secrets, newest first: "v2:<base64>,v1:<base64>" (32+ random bytes
 *                        each). A bare base64 value is version v1. New hashes and tokens use the first;
 *                        older versions are still accepted, so the secret can be rotated (README).
 *   OFFICER_PUBLIC_KEYS  comma-separated "officerId:<base64 X25519 public key>" (from `npm run keys`)
 *   PREREG_CAPACITY      optional: pre-registrations per visit day (default from content/data/office.yaml)
 *
 * A bad value is a ConfigError naming the variable: the handler answers 503 and logs one line.
 */
import sodium from 'libsodium-wrappers';
import { formData } from '../generated/form-data.ts';

export interface OfficerKey {
  id: string;
  publicKey: Uint8Array;
}

/** One version of the server secret. */
export interface ServerSecret {
  /** "v1", "v2", …: written beside every hash and token made with it. */
  version: string;
  key: Uint8Array;
}

export interface ServerConfig {
  /** Newest first: secrets[0] makes new hashes and tokens. */
  secrets: ServerSecret[];
  officerKeys: OfficerKey[];
  capacityPerDay: number;
}

/** The service is not configured: the handler answers 503, never 500. */
export class ConfigError extends Error {
  /** The environment variable at fault; the log line names it (never its value). */
  readonly variable: string;
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

function env(name: string): string | undefined {
  const netlify = (globalThis as { Netlify?: { env: { get(n: string): string | undefined } } }).Netlify;
  return netlify?.env.get(name) ?? process.env[name];
}

/** Standard base64 that decodes and encodes back to the same text: a truncated or mistyped key fails here. */
function strictBase64(value: string, variable: string, what: string): Uint8Array {
  const text = value.trim();
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0 || bytes.toString('base64') !== text) throw new ConfigError(variable, `${what} is not valid base64`);
  return new Uint8Array(bytes);
}

function parseSecrets(text: string): ServerSecret[] {
  const variable = 'LTSA_SERVER_SECRET';
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) throw new ConfigError(variable, 'is empty');
  const secrets = entries.map((entry, i) => {
    const match = /^(v[1-9]\d{0,3}):(.+)$/.exec(entry);
    if (!match && entries.length > 1) throw new ConfigError(variable, `entry ${i + 1} is not "v<n>:<base64>"`);
    const version = match ? match[1]! : 'v1';
    const key = strictBase64(match ? match[2]! : entry, variable, `entry ${i + 1}`);
    if (key.length < 32) throw new ConfigError(variable, `entry ${i + 1} must be at least 32 bytes`);
    return { version, key };
  });
  if (new Set(secrets.map((s) => s.version)).size !== secrets.length) throw new ConfigError(variable, 'has a version twice');
  return secrets;
}

async function parseOfficerKeys(text: string): Promise<OfficerKey[]> {
  const variable = 'OFFICER_PUBLIC_KEYS';
  await sodium.ready;
  const keys = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, i) => {
      const [id, key, extra] = entry.split(':');
      if (!id || !key || extra !== undefined) throw new ConfigError(variable, `entry ${i + 1} is not "officerId:base64"`);
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id)) throw new ConfigError(variable, `entry ${i + 1} has an officer id with other characters than letters, digits, . _ -`);
      const publicKey = strictBase64(key, variable, `officer key ${id}`);
      if (publicKey.length !== sodium.crypto_box_PUBLICKEYBYTES) throw new ConfigError(variable, `officer key ${id} is not a 32-byte X25519 public key`);
      // A test seal: libsodium refuses keys that would give a predictable shared secret (low-order points).
      try {
        sodium.crypto_box_seal(sodium.randombytes_buf(16), publicKey);
      } catch {
        throw new ConfigError(variable, `officer key ${id} cannot be sealed to`);
      }
      return { id, publicKey };
    });
  if (keys.length === 0) throw new ConfigError(variable, 'has no key');
  const ids = keys.map((k) => k.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new ConfigError(variable, `officer id ${twice} appears twice`);
  const publicKeys = keys.map((k) => Buffer.from(k.publicKey).toString('base64'));
  if (new Set(publicKeys).size !== publicKeys.length) throw new ConfigError(variable, 'has one public key under two officer ids');
  return keys;
}

function parseCapacity(text: string | undefined): number {
  const capacity = text ? Number(text) : formData.capacityPerDay;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 1000) throw new ConfigError('PREREG_CAPACITY', 'must be a whole number from 1 to 1000');
  return capacity;
}

// Checked once per set of values: sealing to every officer key on every request would be waste.
let cached: { source: string; config: Promise<ServerConfig> } | undefined;

export function loadConfig(): Promise<ServerConfig> {
  const secretText = env('LTSA_SERVER_SECRET');
  const keysText = env('OFFICER_PUBLIC_KEYS');
  const capacityText = env('PREREG_CAPACITY');
  const source = JSON.stringify([secretText, keysText, capacityText]);
  if (cached?.source === source) return cached.config;
  const config = (async (): Promise<ServerConfig> => {
    if (!secretText) throw new ConfigError('LTSA_SERVER_SECRET', 'is not set');
    if (!keysText) throw new ConfigError('OFFICER_PUBLIC_KEYS', 'is not set');
    return { secrets: parseSecrets(secretText), officerKeys: await parseOfficerKeys(keysText), capacityPerDay: parseCapacity(capacityText) };
  })();
  cached = { source, config };
  return config;
}

/** The secret that makes new hashes and tokens. */
export const currentSecret = (config: ServerConfig): ServerSecret => config.secrets[0]!;

/** The secret of a version, if it is still configured. */
export const secretOfVersion = (config: ServerConfig, version: string): ServerSecret | undefined => config.secrets.find((s) => s.version === version);
