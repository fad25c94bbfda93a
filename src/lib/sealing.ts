/**
 * Sealed boxes for tips, the same code in the reporter's browser and in the functions: HPKE (RFC 9180,
 * base mode) with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, from the @hpke family.
 *
 * A box is encrypted once with a fresh 256-bit content key (AES-256-GCM through WebCrypto); that key is
 * sealed with HPKE to each recipient's X25519 public key, the same keys officers already hold
 * (OFFICER_PUBLIC_KEYS, `npm run keys`). This is the multi-recipient shape of JWE (ECDH-ES key wrapping,
 * AES-GCM content). Every box names its purpose in HPKE's `info` and binds associated data, so a box
 * made for one use or one submission does not open as another.
 *
 * The X25519 KEM is @hpke/dhkem-x25519's audited pure-JS one, not WebCrypto's, because the cheap
 * Android phones our reporters use often run a browser from before WebCrypto had X25519 (Chrome 133).
 */
import { Aes256Gcm, CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';

/** What a box is for; written into HPKE's info, so a box of one kind never opens as another. */
export type SealPurpose = 'tip-report' | 'tip-file' | 'tip-follow-up' | 'tip-officer-message';

export interface SealRecipient {
  /** The officer id from OFFICER_PUBLIC_KEYS, or "reporter" for the receipt holder. */
  id: string;
  /** 32-byte X25519 public key. */
  publicKey: Uint8Array;
}

/** A sealed box as stored and sent: every binary value in standard base64. */
export interface SealedBox {
  v: 1;
  purpose: SealPurpose;
  recipients: { id: string; enc: string; key: string }[];
  nonce: string;
  ciphertext: string;
}

/** X25519 sizes: public keys and HPKE's encapsulated key are 32 bytes; a wrapped content key is 32 + 16. */
export const X25519_KEY_BYTES = 32;
export const WRAPPED_KEY_BYTES = 48;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

let cachedSuite: CipherSuite | undefined;
const suite = () => (cachedSuite ??= new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() }));

const encoder = new TextEncoder();
const info = (purpose: SealPurpose) => encoder.encode(`ltsa-pmi-lampung/${purpose}/v1`);

/** Standard base64 without Buffer (the browser has none); chunked so a 4 MB file does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Decodes standard base64; throws on anything else (callers validate first). */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Copies into a fresh ArrayBuffer-backed view, which WebCrypto's types ask for. */
const bytesOf = (data: Uint8Array) => new Uint8Array(data);

async function contentCipher(key: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytesOf(key), { name: 'AES-GCM' }, false, [usage]);
}

/** Seals bytes to every recipient. `associated` binds the box to its submission (it must be given again to open it). */
export async function sealBytes(plain: Uint8Array, recipients: readonly SealRecipient[], purpose: SealPurpose, associated: string): Promise<SealedBox> {
  if (recipients.length === 0) throw new Error('sealBytes: no recipient');
  const key = crypto.getRandomValues(new Uint8Array(32));
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const aad = encoder.encode(associated);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad }, await contentCipher(key, 'encrypt'), bytesOf(plain)));
  const wrapped = await Promise.all(
    recipients.map(async (r) => {
      const recipientPublicKey = await suite().kem.deserializePublicKey(bytesOf(r.publicKey));
      const sealed = await suite().seal({ recipientPublicKey, info: info(purpose) }, key, aad);
      return { id: r.id, enc: toBase64(new Uint8Array(sealed.enc)), key: toBase64(new Uint8Array(sealed.ct)) };
    }),
  );
  key.fill(0);
  return { v: 1, purpose, recipients: wrapped, nonce: toBase64(nonce), ciphertext: toBase64(ciphertext) };
}

/** A private key able to open boxes: an officer's (in their browser) or the reporter's (derived from the receipt). */
export interface OpeningKey {
  id: string;
  privateKey: CryptoKey;
}

/** Opens a box with one recipient's private key; throws if the key, purpose or associated data do not match. */
export async function openBytes(box: SealedBox, opener: OpeningKey, purpose: SealPurpose, associated: string): Promise<Uint8Array> {
  if (box.purpose !== purpose) throw new Error('openBytes: box of another purpose');
  const recipient = box.recipients.find((r) => r.id === opener.id);
  if (!recipient) throw new Error('openBytes: not sealed to this key');
  const aad = encoder.encode(associated);
  const key = new Uint8Array(await suite().open({ recipientKey: opener.privateKey, enc: bytesOf(fromBase64(recipient.enc)), info: info(purpose) }, bytesOf(fromBase64(recipient.key)), aad));
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytesOf(fromBase64(box.nonce)), additionalData: aad }, await contentCipher(key, 'decrypt'), bytesOf(fromBase64(box.ciphertext))));
  } finally {
    key.fill(0);
  }
}

export async function openJson(box: SealedBox, opener: OpeningKey, purpose: SealPurpose, associated: string): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await openBytes(box, opener, purpose, associated)));
}

/** An officer's private key (32 raw bytes, from their key file) as an opening key. */
export async function officerOpeningKey(id: string, privateKey: Uint8Array): Promise<OpeningKey> {
  return { id, privateKey: await suite().kem.deserializePrivateKey(bytesOf(privateKey)) };
}

/** The recipient id of the receipt holder in officers' messages. */
export const REPORTER_ID = 'reporter';

/**
 * The receipt holder's key pair, derived from the receipt with HPKE's DeriveKeyPair. Officers seal
 * their messages to its public key (stored with the tip) as well as to themselves, so the receipt
 * opens them and the store alone does not. No server secret goes in: the reporter's own browser can
 * derive the same key. The receipt's 95 random bits are what protect it.
 */
export async function reporterKeys(normalizedReceipt: string): Promise<{ publicKey: Uint8Array; opening: OpeningKey }> {
  const pair = await suite().kem.deriveKeyPair(encoder.encode(`ltsa-pmi-lampung/tip-reporter/v1:${normalizedReceipt}`));
  const publicKey = new Uint8Array(await suite().kem.serializePublicKey(pair.publicKey));
  return { publicKey, opening: { id: REPORTER_ID, privateKey: pair.privateKey } };
}

/** A fresh random id (128 bits, base64url) that binds a submission's boxes together as associated data. */
export function newSealId(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(16))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
