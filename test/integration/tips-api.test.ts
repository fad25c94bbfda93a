/**
 * The tip API through its real handlers, against a real local Blobs server: a report with evidence
 * (multipart, as a browser without JavaScript sends it) and as JSON, sealed in the "browser" (the same
 * sealing module the page's script uses); the receipt; status and officers' messages with the right
 * receipt and a wrong one; follow-ups; what an officer opens; and what the store holds in the clear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobsWithKeys, type LocalBlobs } from '../support/blobs.ts';
import type { TestKeys } from '../support/keys.ts';
import { jsonPost, multipartPost, ORIGIN, type FileSpec } from '../support/http.ts';
import { hasExif, jpegWithGps, openAsOfficer, readHead, replyAsOfficer, tipsStore } from '../support/tips.ts';
import { handleTips } from '../../src/server/handlers/tips.ts';
import { handleTipStatus } from '../../src/server/handlers/tip-status.ts';
import { handleTipMessages } from '../../src/server/handlers/tip-messages.ts';
import { handleTipKeys } from '../../src/server/handlers/tip-keys.ts';
import { generateReceipt, normalizeReceipt } from '../../src/lib/receipt.ts';
import { fromBase64, newSealId } from '../../src/lib/sealing.ts';
import { sealEvidence, sealReport } from '../../src/lib/tip-sealing.ts';
import { TIP_CLEAR_FIELDS } from '../../src/lib/tip-facts.ts';
import { jakartaToday } from '../../src/lib/office-days.ts';

let blobs: LocalBlobs;
let keys: TestKeys;

beforeAll(async () => {
  ({ blobs, keys } = await startBlobsWithKeys());
});
afterAll(async () => blobs?.stop());

const report = {
  category: 'calo',
  what: 'Seorang calo di desa kami meminta uang Rp15 juta untuk berangkat ke Malaysia.',
  place: '1804',
  placeDetail: 'Desa Sukadana',
  whenMonth: '3',
  whenYear: String(Number(jakartaToday().slice(0, 4)) - 1),
  who: 'Pak X dari PT Contoh',
  howMany: '2-5',
  destination: 'malaysia',
  childInvolved: 'tidak',
  contactWanted: 'tidak',
  consent: 'ya',
};

/** A report as a browser without JavaScript posts it to /api/tips. */
const multipart = (fields: Record<string, string>, files: FileSpec[] = [], headers: Record<string, string> = {}) => multipartPost('/api/tips', fields, files, headers);

async function submitPlain(fields = report, files: FileSpec[] = []) {
  const response = await handleTips(await multipart(fields, files, { accept: 'application/json' }));
  return { status: response.status, body: await response.json() };
}

describe('a report without JavaScript', () => {
  it('stores it sealed with its evidence stripped of EXIF and GPS, and gives a receipt that works', async () => {
    const photo = await jpegWithGps();
    expect(hasExif(photo)).toBe(true);
    const pdf = new TextEncoder().encode('%PDF-1.4\n% test\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const { status, body } = await submitPlain(report, [{ name: 'IMG_20261129_083012.jpg', type: 'image/jpeg', bytes: photo }, { name: 'surat.pdf', type: 'application/pdf', bytes: pdf }]);
    expect(status).toBe(201);
    expect(normalizeReceipt(body.receipt)).toBe(body.receipt);

    const opened = await openAsOfficer(tipsStore(), keys, body.receipt);
    expect(opened.head.category).toBe('calo');
    const [entry] = opened.entries;
    expect(entry!.content).toMatchObject({ what: report.what, place: '1804', who: report.who, contactWanted: false });
    expect(entry!.content).not.toHaveProperty('contact');
    expect(entry!.files.map((f) => f.meta.name)).toEqual(['bukti-1.jpg', 'bukti-2.pdf']);
    expect(hasExif(entry!.files[0]!.bytes)).toBe(false);
    expect(entry!.files[1]!.bytes).toEqual(pdf);

    // Readable without a key: only the triage fields, the day, and opaque crypto.
    const { head } = await readHead(tipsStore(), keys, body.receipt);
    expect(Object.keys(head!).sort()).toEqual([...TIP_CLEAR_FIELDS, 'entries', 'reporterKey', 'v'].sort());
  });

  it('answers a form post with the receipt page, and errors with the form and everything typed', async () => {
    const ok = await handleTips(await multipart({ ...report, lang: 'en' }));
    expect(ok.status).toBe(201);
    const page = await ok.text();
    expect(page).toContain('We have received your report');
    expect(page).toMatch(/class="code receipt-code"[^>]*>[0-9A-Z]{4}(-[0-9A-Z]{4}){4}</);

    const bad = await handleTips(await multipart({ ...report, what: 'pendek', consent: '' }));
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('Tulis apa yang terjadi dengan paling sedikit 10 huruf');
    expect(text).toContain('Centang persetujuan untuk mengirim laporan');
    expect(text).toContain(report.who);
  });
});

describe('a report sealed in the browser', () => {
  it('is stored as sent, with the triage fields the page gave', async () => {
    const keysAnswer = await (await handleTipKeys(new Request(`${ORIGIN}/api/tips/keys`))).json();
    const officers = keysAnswer.keys.map((k: { id: string; publicKey: string }) => ({ id: k.id, publicKey: fromBase64(k.publicKey) }));
    const sealId = newSealId();
    const bytes = await jpegWithGps();
    const box = await sealReport({ category: 'penampungan', what: 'Ditahan di penampungan selama tiga bulan.', childInvolved: 'ya', contactWanted: false, files: [{ name: 'bukti-1.jpg', type: 'image/jpeg', size: bytes.length }] }, officers, sealId);
    const file = await sealEvidence(bytes, officers, sealId);
    const response = await handleTips(jsonPost('/api/tips', { lang: 'id', sealed: { sealId, category: 'penampungan', childInvolved: 'ya', report: box, files: [file] } }));
    expect(response.status).toBe(201);
    const { receipt } = await response.json();
    const opened = await openAsOfficer(tipsStore(), keys, receipt);
    expect(opened.head).toMatchObject({ category: 'penampungan', childInvolved: 'ya' });
    expect((opened.entries[0]!.content as { what: string }).what).toBe('Ditahan di penampungan selama tiga bulan.');
    expect(opened.entries[0]!.files[0]!.bytes).toEqual(bytes);
  });

  it('gets a 409 with the new keys when sealed to another officer set', async () => {
    const sealId = newSealId();
    const other = { id: 'someone-else', publicKey: (await import('../../src/lib/sealing.ts')).fromBase64(Buffer.alloc(32, 9).toString('base64')) };
    const box = await sealReport({ category: 'calo', what: 'x'.repeat(20), childInvolved: 'tidak', contactWanted: false, files: [] }, [other], sealId);
    const response = await handleTips(jsonPost('/api/tips', { sealed: { sealId, category: 'calo', childInvolved: 'tidak', report: box } }));
    expect(response.status).toBe(409);
    expect((await response.json()).keys[0].id).toBe(keys.officer.id);
  });
});

describe('status and messages', () => {
  it('shows the status and the officers’ messages to the receipt, and takes follow-ups', async () => {
    const { body } = await submitPlain();
    const receipt: string = body.receipt;
    const status = async (value: string) => {
      const response = await handleTipStatus(jsonPost('/api/tips/status', { receipt: value }));
      return { status: response.status, body: await response.json() };
    };
    expect(await status(receipt)).toMatchObject({ status: 200, body: { status: 'received', messages: [] } });
    await replyAsOfficer(tipsStore(), keys, receipt, { text: 'Terima kasih. Di desa mana tepatnya?\nMohon jelaskan.', status: 'under-review' });
    const after = await status(receipt.toLowerCase().replace(/-/g, ''));
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('under-review');
    expect(after.body.messages).toEqual([{ day: jakartaToday(), text: 'Terima kasih. Di desa mana tepatnya?\nMohon jelaskan.' }]);

    const added = await handleTipMessages(jsonPost('/api/tips/messages', { receipt, message: 'Di Desa Sukadana, dekat pasar.' }));
    expect(added.status).toBe(201);
    const opened = await openAsOfficer(tipsStore(), keys, receipt);
    expect(opened.entries.map((e) => e.kind)).toEqual(['report', 'follow-up']);
    expect((opened.entries[1]!.content as { message: string }).message).toBe('Di Desa Sukadana, dekat pasar.');
    expect((await status(receipt)).body.followUps).toEqual([{ day: jakartaToday() }]);
  });

  it('gives a wrong receipt and an unknown one the same 404, and a mistyped one a 422', async () => {
    const { body } = await submitPlain();
    const unknown = generateReceipt();
    const a = await handleTipStatus(jsonPost('/api/tips/status', { receipt: unknown }));
    expect(a.status).toBe(404);
    const typo = body.receipt.slice(0, -1) + (body.receipt.endsWith('0') ? '1' : '0');
    const b = await handleTipStatus(jsonPost('/api/tips/status', { receipt: typo }));
    expect(b.status).toBe(422);
    const c = await handleTipMessages(jsonPost('/api/tips/messages', { receipt: unknown, message: 'halo' }));
    expect(c.status).toBe(404);
    expect(await a.json()).toEqual(await c.json());
  });
});
