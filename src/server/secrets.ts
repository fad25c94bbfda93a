/**
 * Keyed hashes and short-lived tokens from the server secret, with Node's crypto (no hand-rolled
 * primitives). Each purpose gets its own subkey (HKDF-SHA256), so a value from one use can never
 * be replayed as another.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export type Purpose = 'nik-index' | 'status-check' | 'confirmation-token' | 'idempotency-key' | 'idempotency-answer';

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

/** HMAC-SHA256 of a value under a purpose's subkey, base64url: safe as a storage key. */
export function keyedHash(secret: Uint8Array, purpose: Purpose, value: string): string {
  return createHmac('sha256', subkey(secret, purpose)).update(value, 'utf8').digest('base64url');
}

/** Compares two keyed hashes in constant time. */
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
