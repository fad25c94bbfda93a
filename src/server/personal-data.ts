/**
 * Encrypts personal data to the officers' public keys before it is stored (libsodium, audited):
 * the record is encrypted once with a fresh XChaCha20-Poly1305 key, and that key is sealed to each
 * officer's X25519 public key with crypto_box_seal. Only an officer's private key, which never
 * reaches the server, can open it. The record's code is bound as associated data, so a ciphertext
 * cannot be moved to another record.
 */
import sodium from 'libsodium-wrappers';
import type { OfficerKey } from './config.ts';

export interface SealedEnvelope {
  alg: 'xchacha20poly1305-ietf+x25519-sealedbox';
  nonce: string;
  ciphertext: string;
  recipients: { keyId: string; sealedKey: string }[];
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export async function encryptForOfficers(value: unknown, recipients: OfficerKey[], associated: string): Promise<SealedEnvelope> {
  await sodium.ready;
  const key = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(JSON.stringify(value), associated, null, nonce, key);
  const envelope: SealedEnvelope = {
    alg: 'xchacha20poly1305-ietf+x25519-sealedbox',
    nonce: b64(nonce),
    ciphertext: b64(ciphertext),
    recipients: recipients.map((r) => ({ keyId: r.id, sealedKey: b64(sodium.crypto_box_seal(key, r.publicKey)) })),
  };
  sodium.memzero(key);
  return envelope;
}

/** What an officer's browser does (the console comes in a later issue); used by tests to prove the round trip. */
export async function decryptAsOfficer(envelope: SealedEnvelope, officer: { id: string; publicKey: Uint8Array; privateKey: Uint8Array }, associated: string): Promise<unknown> {
  await sodium.ready;
  const recipient = envelope.recipients.find((r) => r.keyId === officer.id);
  if (!recipient) throw new Error(`no key for officer ${officer.id}`);
  const key = sodium.crypto_box_seal_open(unb64(recipient.sealedKey), officer.publicKey, officer.privateKey);
  const plaintext = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, unb64(envelope.ciphertext), associated, unb64(envelope.nonce), key);
  return JSON.parse(sodium.to_string(plaintext));
}

/** A new officer key pair (X25519), base64. */
export async function generateOfficerKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  return { publicKey: b64(pair.publicKey), privateKey: b64(pair.privateKey) };
}
