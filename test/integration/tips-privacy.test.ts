/**
 * What a tip leaves behind, through the real handlers and a real local Blobs server: a batch of tips
 * sent every way (multipart with evidence, a form post, urlencoded, plain JSON, sealed in the browser),
 * follow-ups (plain, with a file, sealed, as a form post), an officer's reply read back through the
 * status check, refused and failed submissions — each carrying a unique marker in every field it has
 * (what, place, who, contact with contactWanted=ya, the follow-up's message, a PDF's bytes, a JPEG's
 * EXIF, the officer's text) and sent with forwarded IP addresses and a user agent that carry markers too.
 *
 * Then every file the Blobs server wrote (data and metadata) and every line the process logged (every
 * console method, stdout and stderr) is searched: no marker in any spelling (UTF-8, UTF-16, URL and
 * form encoding, JSON), no receipt, no IP address, no user agent. Stored tips and their metadata hold
 * no time of day either: days only. The follow-up counters (whose ids are keyed hashes of tip keys)
 * keep days too: each event as its Jakarta midnight. The one exception is the counter of failed
 * receipt checks: its sliding window needs each failure's time, to the millisecond; it is keyed by a
 * receipt neighbourhood's keyed hash, which names no tip without the receipt, holds no marker,
 * receipt or address, and the daily cleanup deletes it after two days.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobsWithKeys, type LocalBlobs } from '../support/blobs.ts';
import { faultyProxy, type FaultyProxy } from '../support/faulty-proxy.ts';
import type { TestKeys } from '../support/keys.ts';
import { formPost, jsonPost, multipartPost, readAnswer, type Answer, type FileSpec } from '../support/http.ts';
import { captureOutput } from '../support/output-capture.ts';
import { jpegWithGps, openAsOfficer, replyAsOfficer, tipKeyOf, tipsStore } from '../support/tips.ts';
import { handleTips } from '../../src/server/handlers/tips.ts';
import { handleTipStatus } from '../../src/server/handlers/tip-status.ts';
import { handleTipMessages } from '../../src/server/handlers/tip-messages.ts';
import { ABUSE_LIMITS_STORE } from '../../src/server/abuse-limits.ts';
import { TIPS_STORE } from '../../src/server/tip-store.ts';
import { generateReceipt } from '../../src/lib/receipt.ts';
import { newSealId } from '../../src/lib/sealing.ts';
import { sealEvidence, sealFollowUp, sealReport } from '../../src/lib/tip-sealing.ts';
import { jakartaToday } from '../../src/lib/office-days.ts';

let blobs: LocalBlobs;
let proxy: FaultyProxy;
let keys: TestKeys;

// ---------------------------------------------------------------- what the process writes

const captured: string[] = [];
let restoreOutput: (() => void) | undefined;

beforeAll(async () => {
  ({ blobs, keys } = await startBlobsWithKeys());
  proxy = await faultyProxy(blobs.url);
  // Every console method, errors with their cause, and written bytes as Latin-1 (so no byte is lost to decoding).
  restoreOutput = captureOutput(captured, {
    methods: ['log', 'error', 'warn', 'info', 'debug', 'trace'],
    describeError: (a) => `${a.name}: ${a.message}\n${a.stack}\n${String((a as { cause?: unknown }).cause ?? '')}`,
    chunkText: (chunk) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('latin1')),
  });
});
afterAll(async () => {
  restoreOutput?.();
  await proxy?.close();
  await blobs?.stop();
});

// ---------------------------------------------------------------- markers

/** The ASCII core of every marker: what no stored or logged byte may contain. */
const cores: string[] = [];
/** Every full value sent, with its non-ASCII decorations, for the encoded spellings. */
const values: string[] = [];
const receipts: string[] = [];

/** A unique marker for one field: an ASCII core (findable in any encoding) in Indonesian words with non-ASCII letters. */
function marker(label: string, decorate = true): string {
  const core = `mrk${label}${randomBytes(5).toString('hex')}`;
  cores.push(core);
  const value = decorate ? `Rahasia ${core} — Bu Siti Nurhaliza, Jl. Cempaka № 7, “Gudang Tua” é` : core;
  values.push(value);
  return value;
}

/** The ways a value could be written down: UTF-8 (as the latin1 text the scan reads), UTF-16, URL and form encoding, JSON. */
function spellings(value: string): string[] {
  const latin1 = (bytes: Buffer) => bytes.toString('latin1');
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  return [
    latin1(Buffer.from(value, 'utf8')),
    latin1(Buffer.from(value, 'utf16le')),
    latin1(Buffer.from(value, 'utf16le').swap16()),
    encodeURIComponent(value),
    form,
    JSON.stringify(value).slice(1, -1),
    JSON.stringify(value).slice(1, -1).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  ];
}

const receiptSpellings = (receipt: string) => [receipt, receipt.replace(/-/g, ''), receipt.toLowerCase(), receipt.replace(/-/g, '').toLowerCase()];

// Network details a proxy or Netlify's edge adds, and the browser's user agent, all carrying markers.
const ipCores = ['203.0.113.195', '198.51.100.77', '192.0.2.41', '2001:db8:85a3::8a2e:370:7334'];
const userAgentCore = marker('ua', false);
const networkHeaders: Record<string, string> = {
  'x-forwarded-for': `${ipCores[0]}, 70.41.3.18`,
  'x-nf-client-connection-ip': ipCores[1]!,
  'x-real-ip': ipCores[2]!,
  'client-ip': ipCores[3]!,
  'user-agent': `Mozilla/5.0 (Linux; Android 10; ${userAgentCore}) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36`,
  'x-nf-geo': Buffer.from(JSON.stringify({ city: 'Metro', country: { code: 'ID' } })).toString('base64'),
};

// ---------------------------------------------------------------- requests

// Every request carries the network details above; answers are read as they come (readAnswer: no Cache-Control check here).
const json = (path: string, body: unknown, headers: Record<string, string> = {}) => jsonPost(path, body, { ...networkHeaders, ...headers });
const urlencoded = (path: string, fields: Record<string, string>) => formPost(path, fields, networkHeaders);
const multipart = (path: string, fields: Record<string, string>, files: FileSpec[], headers: Record<string, string> = {}) => multipartPost(path, fields, files, { ...networkHeaders, ...headers });

/** A report whose every free-text field carries its own marker, and which asks to be contacted. */
function markedReport(): Record<string, string> {
  return {
    category: 'calo',
    what: `Calo meminta uang. ${marker('what')}\nDia datang malam hari.`,
    place: '1804',
    placeDetail: marker('place'),
    whenMonth: '2',
    whenYear: String(Number(jakartaToday().slice(0, 4)) - 1),
    who: marker('who'),
    howMany: '2-5',
    destination: 'malaysia',
    childInvolved: 'tidak-tahu',
    contactWanted: 'ya',
    contact: `WA 0812 ${marker('contact')}`,
    consent: 'ya',
  };
}

const markedPdf = (label: string) => new TextEncoder().encode(`%PDF-1.4\n% ${marker(label, false)}\n1 0 obj << /Author (${marker(`${label}au`, false)}) /Title (${marker(`${label}ti`, false)}) >> endobj\ntrailer << >>\n%%EOF\n`);
const markedJpeg = (label: string) => jpegWithGps(marker(label, false));

const receiptOf = (answer: Answer) => {
  const receipt = answer.body?.receipt ?? /class="code receipt-code"[^>]*>([0-9A-Z-]{24})</.exec(answer.text)?.[1];
  expect(receipt, answer.text.slice(0, 300)).toBeTruthy();
  receipts.push(receipt);
  return receipt as string;
};

const officers = () => [{ id: keys.officer.id, publicKey: keys.officer.publicKey }];

async function sealedTip(): Promise<Answer> {
  const sealId = newSealId();
  const photo = await markedJpeg('sealjpg');
  const pdf = markedPdf('sealpdf');
  const box = await sealReport(
    { category: 'dokumen-palsu', what: marker('sealwhat'), placeDetail: marker('sealplace'), who: marker('sealwho'), childInvolved: 'ya', contactWanted: true, contact: marker('sealcontact'), files: [{ name: 'bukti-1.jpg', type: 'image/jpeg', size: photo.length }, { name: 'bukti-2.pdf', type: 'application/pdf', size: pdf.length }] },
    officers(),
    sealId,
  );
  const files = [await sealEvidence(photo, officers(), sealId), await sealEvidence(pdf, officers(), sealId)];
  return readAnswer(await handleTips(json('/api/tips', { lang: 'id', sealed: { sealId, category: 'dokumen-palsu', childInvolved: 'ya', report: box, files } })));
}

// ---------------------------------------------------------------- the batch

describe('a batch of tips, follow-ups and an officer’s reply', () => {
  it('leaves no marker, receipt, address, user agent or time of day in storage or in the logs', async () => {
    const statuses: number[] = [];
    const run = async (answer: Promise<Answer>) => {
      const a = await answer;
      statuses.push(a.status);
      return a;
    };

    // Reports: multipart with evidence (JSON answer and form post), urlencoded, plain JSON, sealed.
    const withFiles = async (accept: boolean) =>
      run(readAnswer(await handleTips(await multipart('/api/tips', markedReport(), [{ name: `IMG_${marker('fname', false)}.jpg`, type: 'image/jpeg', bytes: await markedJpeg('exif') }, { name: 'surat.pdf', type: 'application/pdf', bytes: markedPdf('pdf') }], accept ? { accept: 'application/json' } : {}))));
    const first = receiptOf(await withFiles(true));
    const second = receiptOf(await withFiles(false));
    const third = receiptOf(await run(readAnswer(await handleTips(urlencoded('/api/tips', { ...markedReport(), lang: 'en' })))));
    const fourth = receiptOf(await run(readAnswer(await handleTips(json('/api/tips', { ...markedReport(), contactWanted: true })))));
    const sealed: string[] = [];
    for (let i = 0; i < 3; i++) sealed.push(receiptOf(await run(sealedTip())));
    // Contact details given while staying anonymous: not stored at all (checked with every other marker).
    receiptOf(await run(readAnswer(await handleTips(json('/api/tips', { ...markedReport(), contactWanted: 'tidak' })))));

    // Refused: errors with everything typed sent back to the reader, but never kept or logged.
    await run(readAnswer(await handleTips(await multipart('/api/tips', { ...markedReport(), consent: '' }, [{ name: 'a.jpg', type: 'image/jpeg', bytes: await markedJpeg('refusedexif') }]))));
    await run(readAnswer(await handleTips(json('/api/tips', { ...markedReport(), website: marker('honeypot', false) }))));

    // Follow-ups: plain JSON, multipart with a file, a form post, sealed.
    await run(readAnswer(await handleTipMessages(json('/api/tips/messages', { receipt: first, message: marker('followjson') }))));
    await run(readAnswer(await handleTipMessages(await multipart('/api/tips/messages', { receipt: second.toLowerCase(), message: marker('followfile') }, [{ name: 'kontrak.pdf', type: 'application/pdf', bytes: markedPdf('followpdf') }], { accept: 'application/json' }))));
    await run(readAnswer(await handleTipMessages(await multipart('/api/tips/messages', { receipt: third, message: marker('followform'), lang: 'en' }, [{ name: 'x.jpg', type: 'image/jpeg', bytes: await markedJpeg('followexif') }]))));
    const sealId = newSealId();
    const followPdf = markedPdf('sealfollowpdf');
    const followBox = await sealFollowUp({ message: marker('sealfollow'), files: [{ name: 'bukti-1.pdf', type: 'application/pdf', size: followPdf.length }] }, officers(), sealId);
    await run(readAnswer(await handleTipMessages(json('/api/tips/messages', { receipt: sealed[0], sealed: { sealId, message: followBox, files: [await sealEvidence(followPdf, officers(), sealId)] } }))));

    // An officer answers; the reporter reads it (the server opens it with the receipt) as JSON and as a page.
    await replyAsOfficer(tipsStore(), keys, fourth, { text: `Terima kasih. ${marker('officer')}`, status: 'under-review' });
    const status = await run(readAnswer(await handleTipStatus(json('/api/tips/status', { receipt: fourth }))));
    expect(status.body.messages[0].text).toContain('Terima kasih.');
    await run(readAnswer(await handleTipStatus(urlencoded('/api/tips/status', { receipt: fourth }))));
    // Wrong, unknown and mistyped receipts.
    await run(readAnswer(await handleTipStatus(json('/api/tips/status', { receipt: generateReceipt() }))));
    await run(readAnswer(await handleTipStatus(json('/api/tips/status', { receipt: `${first.slice(0, -1)}${first.endsWith('0') ? '1' : '0'}` }))));
    await run(readAnswer(await handleTipMessages(json('/api/tips/messages', { receipt: generateReceipt(), message: marker('lostfollow') }))));

    // Storage failing in the middle: a 503 and its log line.
    proxy.fail((m, p) => m === 'PUT' && p.includes(`site:${TIPS_STORE}/tips/`));
    await run(readAnswer(await handleTips(await multipart('/api/tips', markedReport(), [{ name: 'b.pdf', type: 'application/pdf', bytes: markedPdf('faultpdf') }], { accept: 'application/json' }))));
    await run(readAnswer(await handleTipMessages(json('/api/tips/messages', { receipt: first, message: marker('faultfollow') }))));
    proxy.fail(undefined);

    expect(statuses.filter((s) => s === 201)).toHaveLength(12);
    expect(statuses).toEqual(expect.arrayContaining([422, 404, 503]));
    expect(receipts).toHaveLength(8);
    // The contact details were stored (sealed) when asked for, so the scan below looks for something that was sent.
    expect((await openAsOfficer(tipsStore(), keys, fourth)).entries[0]!.content).toMatchObject({ contactWanted: true, contact: expect.stringContaining('mrkcontact') });

    // ---- the scan
    const stored = blobs.files();
    expect(stored.some((f) => f.path.includes(`site:${TIPS_STORE}/tips/`))).toBe(true);
    expect(stored.some((f) => f.path.includes(`site:${TIPS_STORE}/files/`))).toBe(true);
    expect(stored.some((f) => f.path.includes(`site:${ABUSE_LIMITS_STORE}/`))).toBe(true);
    const logs = captured.join('\n');
    expect(logs).toMatch(/ltsa: 503 tips\.submit StorageError/);

    const forbidden: [string, string][] = [
      ...cores.flatMap((core) => spellings(core).map((s): [string, string] => [`marker ${core}`, s])),
      ...values.flatMap((value) => spellings(value).map((s): [string, string] => [`value ${value.slice(0, 30)}`, s])),
      ...receipts.flatMap((r) => receiptSpellings(r).map((s): [string, string] => [`receipt ${r}`, s])),
      ...ipCores.map((ip): [string, string] => [`address ${ip}`, ip]),
      ['the geo header', networkHeaders['x-nf-geo']!],
      ['the user agent', 'Mozilla/5.0'],
    ];
    for (const { path, text } of stored) {
      const where = path.slice(blobs.directory.length);
      for (const [what, spelling] of forbidden) expect(text.includes(spelling), `${what} in ${where}`).toBe(false);
    }
    for (const [what, spelling] of forbidden) expect(logs.includes(spelling), `${what} in the logs`).toBe(false);

    // No time of day next to a tip: no ISO time, no epoch milliseconds or seconds of these days.
    const now = Date.now();
    const nearNow = (digits: string) => {
      const n = Number(digits);
      return Math.abs(n - now) < 86_400_000 || Math.abs(n * 1000 - now) < 86_400_000;
    };
    const epochPattern = /(?<![0-9])\d{10}(?:\d{3})?(?![0-9])/g;
    // The exception, which also shows the search finds times: failed receipt checks keep them.
    const failures = stored.filter((f) => f.path.includes(`/entries/ltsa-test/site:${ABUSE_LIMITS_STORE}/receipt-failures/`));
    expect(failures.some((f) => (f.text.match(epochPattern) ?? []).some(nearNow))).toBe(true);
    // Follow-up counters, tied to a tip, keep Jakarta midnights only.
    const followUpCounters = stored.filter((f) => f.path.includes(`/entries/ltsa-test/site:${ABUSE_LIMITS_STORE}/tip-follow-ups/`) && !f.path.includes('/metadata/'));
    expect(followUpCounters.length).toBeGreaterThan(0);
    for (const { path, text } of followUpCounters) {
      const hits = (JSON.parse(text) as { hits: number[] }).hits;
      expect(hits.length, path).toBeGreaterThan(0);
      for (const hit of hits) expect(new Date(hit + 7 * 3_600_000).toISOString().slice(11), path).toBe('00:00:00.000Z');
    }
    const timed = stored.filter((f) => !f.path.includes(`site:${ABUSE_LIMITS_STORE}/receipt-failures/`) && !f.path.includes(`site:${ABUSE_LIMITS_STORE}/tip-follow-ups/`));
    expect(timed.length).toBeGreaterThan(20);
    for (const { path, text } of timed) {
      const where = path.slice(blobs.directory.length);
      expect(text, `a time of day in ${where}`).not.toMatch(/T\d{2}:\d{2}|\b\d{2}:\d{2}:\d{2}\b/);
      const epochs = (text.match(epochPattern) ?? []).filter(nearNow);
      expect(epochs, `a timestamp of today in ${where}`).toEqual([]);
    }
    // Heads hold days only, and are named by slow hashes of receipts, never by the receipts.
    const headFiles = stored.filter((f) => f.path.includes(`/entries/ltsa-test/site:${TIPS_STORE}/tips/`));
    expect(headFiles).toHaveLength(8);
    const tipKeys = await Promise.all(receipts.map((r) => tipKeyOf(keys, r)));
    for (const { path, text } of headFiles) {
      expect(tipKeys).toContain(path.split(`/site:${TIPS_STORE}/tips/`)[1]);
      const head = JSON.parse(text) as { day: string; entries: { day: string }[] };
      for (const day of [head.day, ...head.entries.map((e) => e.day)]) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
