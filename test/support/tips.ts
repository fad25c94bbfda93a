/**
 * What tests of tips need beside the handlers: what an officer's browser will do (open a report,
 * reply to the receipt holder, change the status; the console comes in a later issue), and a JPEG
 * that carries GPS data, made here so the fixture is known to the byte.
 */
import type { Store } from '@netlify/blobs';
import { getStore } from '@netlify/blobs';
import sharp from 'sharp';
import { fromBase64, newSealId, officerOpeningKey, type SealRecipient } from '../../src/lib/sealing.ts';
import { openEvidence, openFollowUp, openReport, sealOfficerEntry, type OfficerEntryContent } from '../../src/lib/tip-sealing.ts';
import { normalizeReceipt } from '../../src/lib/receipt.ts';
import { slowHash } from '../../src/server/secrets.ts';
import { scopedStoreName } from '../../src/server/storage.ts';
import { TIPS_STORE, TipStore, type TipHead } from '../../src/server/tip-store.ts';
import { jakartaToday } from '../../src/lib/office-days.ts';
import type { TestKeys } from './keys.ts';

/** The tip key of a receipt, as the service computes it with the test secret (version v1). */
export function tipKeyOf(keys: TestKeys, receipt: string): Promise<string> {
  const secret = { version: 'v1', key: new Uint8Array(Buffer.from(keys.env.LTSA_SERVER_SECRET!, 'base64')) };
  return slowHash(secret, 'tip-receipt', normalizeReceipt(receipt)!);
}

/** The tips store of a deploy context, in the Blobs environment the tests set up. */
export function tipsStore(deployContext = 'production', blobs?: { edgeURL: string; siteID: string; token: string }): Store {
  const name = scopedStoreName(TIPS_STORE, deployContext);
  return blobs ? getStore({ name, consistency: 'strong', edgeURL: blobs.edgeURL, uncachedEdgeURL: blobs.edgeURL, siteID: blobs.siteID, token: blobs.token }) : getStore({ name, consistency: 'strong' });
}

export async function readHead(store: Store, keys: TestKeys, receipt: string): Promise<{ tipKey: string; head: TipHead | undefined }> {
  const tipKey = await tipKeyOf(keys, receipt);
  return { tipKey, head: await new TipStore(store).read(tipKey) };
}

const officerRecipients = (keys: TestKeys): SealRecipient[] => [{ id: keys.officer.id, publicKey: keys.officer.publicKey }];

/** What an officer's browser does to answer: seal to the receipt holder and the officers, append. */
export async function replyAsOfficer(store: Store, keys: TestKeys, receipt: string, content: OfficerEntryContent): Promise<void> {
  const { tipKey, head } = await readHead(store, keys, receipt);
  if (!head) throw new Error('no tip for this receipt');
  const sealId = newSealId();
  const box = await sealOfficerEntry(content, fromBase64(head.reporterKey), officerRecipients(keys), sealId);
  const appended = await new TipStore(store).append(tipKey, { kind: 'officer', day: jakartaToday(), sealId, box }, []);
  if (!appended) throw new Error('reply not appended');
}

/** What an officer's browser does to read a tip: the report, follow-ups and every file, opened. */
export async function openAsOfficer(store: Store, keys: TestKeys, receipt: string) {
  const { head } = await readHead(store, keys, receipt);
  if (!head) throw new Error('no tip for this receipt');
  const opener = await officerOpeningKey(keys.officer.id, keys.officer.privateKey);
  const tips = new TipStore(store);
  const entries = [];
  for (const entry of head.entries) {
    if (entry.kind === 'officer') continue;
    const content = entry.kind === 'report' ? await openReport(entry.box, opener, entry.sealId) : await openFollowUp(entry.box, opener, entry.sealId);
    const files = await Promise.all(
      content.files.map(async (meta, i) => ({ meta, bytes: await openEvidence((await tips.readFile(entry.files[i]!))!, opener, entry.sealId, meta) })),
    );
    entries.push({ kind: entry.kind, day: entry.day, content, files });
  }
  return { head, entries };
}

/** A 64×48 JPEG whose EXIF holds a GPS position (Jakarta's Monas), a camera make and a comment-like marker. */
export async function jpegWithGps(marker = 'LTSA-EXIF-MARKER'): Promise<Uint8Array> {
  const buffer = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: marker, Model: `${marker}-phone`, ImageDescription: marker },
      // GPSLatitude etc. in sharp's EXIF writer: rational strings "deg/1 min/1 sec/100".
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 10/1 3780/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 49/1 2700/100' },
    })
    .toBuffer();
  return new Uint8Array(buffer);
}

/** Whether a JPEG still holds EXIF (an APP1 "Exif" segment) or the marker anywhere. */
export function hasExif(bytes: Uint8Array, marker = 'LTSA-EXIF-MARKER'): boolean {
  const text = Buffer.from(bytes).toString('latin1');
  return text.includes('Exif\u0000') || text.includes(marker);
}
