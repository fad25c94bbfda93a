/**
 * The sealed boxes shared by the reporter's browser, the functions and the officers' console: they
 * open with the right key, purpose and associated data only; the receipt derives the same reporter
 * key every time; sizes are padded; evidence comes back byte for byte without its padding.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import sodium from 'libsodium-wrappers';
import { officerOpeningKey, openBytes, reporterKeys, sealBytes, newSealId, toBase64, fromBase64 } from '../../src/lib/sealing.ts';
import { openEvidence, openOfficerEntry, openReport, sealEvidence, sealOfficerEntry, sealReport } from '../../src/lib/tip-sealing.ts';
import { generateReceipt } from '../../src/lib/receipt.ts';
import { FILE_PAD_BLOCK, TEXT_PAD_BLOCK, base64Size } from '../../src/schemas/forms/tip.ts';

async function officer(id: string) {
  await sodium.ready;
  // The same X25519 key pairs `npm run keys` makes with libsodium.
  const pair = sodium.crypto_box_keypair();
  return { recipient: { id, publicKey: pair.publicKey }, opener: await officerOpeningKey(id, pair.privateKey) };
}

describe('sealed boxes', () => {
  it('open for each recipient, and only with the same purpose and associated data', async () => {
    const [a, b, c] = await Promise.all([officer('a'), officer('b'), officer('c')]);
    const box = await sealBytes(new TextEncoder().encode('rahasia'), [a.recipient, b.recipient], 'tip-report', 'seal-1');
    expect(box.recipients.map((r) => r.id)).toEqual(['a', 'b']);
    for (const who of [a, b]) expect(new TextDecoder().decode(await openBytes(box, who.opener, 'tip-report', 'seal-1'))).toBe('rahasia');
    await expect(openBytes(box, c.opener, 'tip-report', 'seal-1')).rejects.toThrow();
    await expect(openBytes(box, a.opener, 'tip-report', 'seal-2')).rejects.toThrow();
    await expect(openBytes({ ...box, purpose: 'tip-file' }, a.opener, 'tip-file', 'seal-1')).rejects.toThrow();
    // A changed ciphertext is refused (AES-GCM's tag).
    const bytes = fromBase64(box.ciphertext);
    bytes[0]! ^= 1;
    await expect(openBytes({ ...box, ciphertext: toBase64(bytes) }, a.opener, 'tip-report', 'seal-1')).rejects.toThrow();
  });

  it('derive the same reporter key from a receipt, and officers’ messages open with it', async () => {
    const receipt = generateReceipt();
    const first = await reporterKeys(receipt);
    const again = await reporterKeys(receipt);
    expect(toBase64(first.publicKey)).toBe(toBase64(again.publicKey));
    expect(toBase64((await reporterKeys(generateReceipt())).publicKey)).not.toBe(toBase64(first.publicKey));
    const a = await officer('a');
    const sealId = newSealId();
    const box = await sealOfficerEntry({ text: 'Di desa mana?', status: 'under-review' }, first.publicKey, [a.recipient], sealId);
    expect(await openOfficerEntry(box, again.opening, sealId)).toEqual({ text: 'Di desa mana?', status: 'under-review' });
    expect(await openOfficerEntry(box, a.opener, sealId)).toEqual({ text: 'Di desa mana?', status: 'under-review' });
  });

  it('pad reports to 1 KiB and files to 64 KiB, and give evidence back byte for byte', async () => {
    const a = await officer('a');
    const sealId = newSealId();
    const short = await sealReport({ category: 'calo', what: 'pendek sekali', childInvolved: 'tidak', contactWanted: false, files: [] }, [a.recipient], sealId);
    const long = await sealReport({ category: 'calo', what: 'panjang '.repeat(100), childInvolved: 'tidak', contactWanted: false, files: [] }, [a.recipient], sealId);
    expect(base64Size(short.ciphertext) - 16).toBe(TEXT_PAD_BLOCK);
    expect((base64Size(long.ciphertext) - 16) % TEXT_PAD_BLOCK).toBe(0);
    expect((await openReport(short, a.opener, sealId)).what).toBe('pendek sekali');
    const file = new Uint8Array(randomBytes(70_000));
    const box = await sealEvidence(file, [a.recipient], sealId);
    expect(base64Size(box.ciphertext) - 16).toBe(2 * FILE_PAD_BLOCK);
    expect(await openEvidence(box, a.opener, sealId, { name: 'bukti-1.jpg', type: 'image/jpeg', size: file.length })).toEqual(file);
  });
});
