/**
 * Keyed hashes and short-lived tokens from the server secret, with Node's crypto (no hand-rolled
 * primitives). Each purpose gets its own subkey (HKDF-SHA256), so a value from one use can never
 * be replayed as another. Every hash and token starts with the version of the secret that made it
 * ("v2.…"), so the secret can be rotated: new values use the newest secret, old ones are checked
 * with the secret they name.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ServerSecret } from './config.ts';

export type Purpose =
  | 'nik-index'
  | 'phone-index'
  | 'status-check'
  | 'status-lock'
  | 'confirmation-token'
  | 'idempotency-key'
  | 'idempotency-answer'
  | 'tip-receipt'
  | 'receipt-neighbourhood'
  | 'tip-follow-ups';

const subkeys = new WeakMap<Uint8Array, Map<string, Buffer>>();

export function subkey(secret: Uint8Array, purpose: Purpose | string): Buffer {
  let cache = subkeys.get(secret);
  if (!cache) subkeys.set(secret, (cache = new Map()));
  let key = cache.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `ltsa-pmi-lampung/${purpose}`, 32));
    cache.set(purpose, key);
  }
  return key;
}

/** The secret version a hash or token was made with ("v1" of "v1.abc…"). */
export function versionOf(value: string): string | undefined {
  return /^(v\d+)\./.exec(value)?.[1];
}

/**
 * HMAC-SHA256 of a value under a purpose's subkey: "v1.<base64url>", safe as a storage key. For
 * values that are already unguessable (codes, idempotency keys): a fast hash is enough.
 */
export function keyedHash(secret: ServerSecret, purpose: Purpose, value: string): string {
  return `${secret.version}.${createHmac('sha256', subkey(secret.key, purpose)).update(value, 'utf8').digest('base64url')}`;
}

/**
 * scrypt parameters for guessable personal values (NIK, phone number, birth date with a code): about
 * 55 ms and 16 MiB per hash on one core of this project's machines. A NIK has a known structure
 * (region, birth date, sex, serial), so a thief holding the store AND the secret could try every
 * NIK of Lampung: about 5·10⁹ candidates, which at 55 ms each is about 8 CPU-years, and the memory
 * cost blunts GPUs. With a fast HMAC it would take minutes. See the README, "Secrets at rest".
 */
export const SLOW_HASH = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024, keyLength: 32 } as const;

/**
 * A slow keyed hash: scrypt of the value, salted with the purpose's subkey of the server secret
 * (the pepper: without the secret, no guess can even be tested). "v1.<base64url>".
 */
export function slowHash(secret: ServerSecret, purpose: Purpose, value: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { N, r, p, maxmem, keyLength } = SLOW_HASH;
    scrypt(value.normalize('NFC'), subkey(secret.key, `slow:${purpose}`), keyLength, { N, r, p, maxmem }, (error, derived) => {
      if (error) reject(error);
      else resolve(`${secret.version}.${derived.toString('base64url')}`);
    });
  });
}

/** Compares two hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** AES-256-GCM with a random 96-bit IV; the output is base64url(iv | ciphertext | tag). */
export function seal(key: Buffer, plaintext: string, associated = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** Opens `seal`; undefined for anything tampered, truncated or under another key. */
export function open(key: Buffer, token: string, associated = ''): string | undefined {
  try {
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length < 12 + 16) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(associated, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** A token sealed under the newest secret: "v2.<sealed>". */
export function sealToken(secrets: readonly ServerSecret[], purpose: Purpose, plaintext: string, associated = ''): string {
  const secret = secrets[0]!;
  return `${secret.version}.${seal(subkey(secret.key, purpose), plaintext, associated)}`;
}

/** Opens a token with the secret version it names; undefined if that version is gone or the token is bad. */
export function openToken(secrets: readonly ServerSecret[], purpose: Purpose, token: string, associated = ''): string | undefined {
  const version = versionOf(token);
  const secret = version && secrets.find((s) => s.version === version);
  if (!secret) return undefined;
  return open(subkey(secret.key, purpose), token.slice(version.length + 1), associated);
}
