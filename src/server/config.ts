/**
 * Secrets and keys from the environment. The server holds no key that can decrypt personal data:
 * it has the officers' PUBLIC keys only, and one secret for HMAC lookups and short-lived tokens.
 *
 *   LTSA_SERVER_SECRET   32+ random bytes, base64: HMAC of NIK and status checks, confirmation tokens
 *   OFFICER_PUBLIC_KEYS  comma-separated "keyId:base64PublicKey" (X25519, from `npm run keys`)
 *   PREREG_CAPACITY      optional: pre-registrations per visit day (default from content/data/office.yaml)
 */
import { formData } from '../generated/form-data.ts';

export interface OfficerKey {
  id: string;
  publicKey: Uint8Array;
}

export interface ServerConfig {
  secret: Uint8Array;
  officerKeys: OfficerKey[];
  capacityPerDay: number;
}

/** The service is not configured: the handler answers 503, never 500. */
export class ConfigError extends Error {}

function env(name: string): string | undefined {
  const netlify = (globalThis as { Netlify?: { env: { get(n: string): string | undefined } } }).Netlify;
  return netlify?.env.get(name) ?? process.env[name];
}

function base64(value: string, what: string): Uint8Array {
  const bytes = Buffer.from(value.trim(), 'base64');
  if (bytes.length === 0) throw new ConfigError(`${what} is not base64`);
  return new Uint8Array(bytes);
}

export function loadConfig(): ServerConfig {
  const secretText = env('LTSA_SERVER_SECRET');
  if (!secretText) throw new ConfigError('LTSA_SERVER_SECRET is not set');
  const secret = base64(secretText, 'LTSA_SERVER_SECRET');
  if (secret.length < 32) throw new ConfigError('LTSA_SERVER_SECRET must be at least 32 bytes');

  const keysText = env('OFFICER_PUBLIC_KEYS');
  if (!keysText) throw new ConfigError('OFFICER_PUBLIC_KEYS is not set');
  const officerKeys = keysText
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, key] = entry.split(':');
      if (!id || !key) throw new ConfigError(`OFFICER_PUBLIC_KEYS entry "${entry}" is not keyId:base64`);
      const publicKey = base64(key, `officer key ${id}`);
      if (publicKey.length !== 32) throw new ConfigError(`officer key ${id} is not a 32-byte X25519 public key`);
      return { id, publicKey };
    });
  if (officerKeys.length === 0) throw new ConfigError('OFFICER_PUBLIC_KEYS has no key');

  const capacityText = env('PREREG_CAPACITY');
  const capacityPerDay = capacityText ? Number(capacityText) : formData.capacityPerDay;
  if (!Number.isInteger(capacityPerDay) || capacityPerDay < 1 || capacityPerDay > 1000) throw new ConfigError('PREREG_CAPACITY must be a whole number from 1 to 1000');

  return { secret, officerKeys, capacityPerDay };
}
