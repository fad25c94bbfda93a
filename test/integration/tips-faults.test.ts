/**
 * Storage faults in the middle of a tip, through the real handlers and a real local Blobs server
 * behind a fault-injecting proxy: each write of a report with two files (file 1, file 2, the head) and
 * of a follow-up with a file (the file, the head update) fails in turn. The answer is a 503 in the
 * reader's language (a form post gets its form back with everything typed), and nothing is left half
 * written: no head for any receipt, no file blob; where the clean-up itself fails too, the daily
 * cleanup (removeOrphanFiles) removes what is left, and only that. A write whose answer was lost but
 * which landed is found: 201, one head. Blobs unreachable altogether is a 503 too.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setEnvironmentContext } from '@netlify/blobs';
import { startBlobs, storedKeys, type LocalBlobs } from '../support/blobs.ts';
import { faultyProxy, type FaultyProxy } from '../support/faulty-proxy.ts';
import { testKeys, useKeys, type TestKeys } from '../support/keys.ts';
import { jsonPost, multipartPost, ORIGIN, readNoStoreAnswer, type Answer } from '../support/http.ts';
import { jpegWithGps, openAsOfficer, tipsStore } from '../support/tips.ts';
import { handleTips } from '../../src/server/handlers/tips.ts';
import { handleTipStatus } from '../../src/server/handlers/tip-status.ts';
import { handleTipMessages } from '../../src/server/handlers/tip-messages.ts';
import { TIPS_STORE, TipStore } from '../../src/server/tip-store.ts';
import { tipText } from '../../src/i18n/tip.ts';
import { escapeHtml } from '../../src/lib/html.ts';
import { addDays, jakartaToday } from '../../src/lib/office-days.ts';
import { newSealId } from '../../src/lib/sealing.ts';
import { sealEvidence, sealReport } from '../../src/lib/tip-sealing.ts';
import type { Lang } from '../../src/i18n/index.ts';

let blobs: LocalBlobs;
let proxy: FaultyProxy;
let keys: TestKeys;
let photo: Uint8Array;
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Title (surat) >> endobj\ntrailer << >>\n%%EOF\n');

/** Points the handlers' Blobs client at the proxy (again, after the server was paused and resumed). */
const throughProxy = () => setEnvironmentContext({ edgeURL: proxy.url, uncachedEdgeURL: proxy.url, siteID: 'ltsa-test', token: 'test-token' });

beforeAll(async () => {
  blobs = await startBlobs();
  proxy = await faultyProxy(blobs.url);
  keys = await testKeys();
  useKeys(keys);
  photo = await jpegWithGps();
});
afterAll(async () => {
  await proxy?.close();
  await blobs?.stop();
});
beforeEach(() => {
  proxy.clearFaults();
  proxy.failed.length = 0;
});

// ---------------------------------------------------------------- helpers

type Rule = (method: string, path: string) => boolean;

/** What the tips store holds, read from the Blobs server's files (not through the proxy). */
const heads = () => storedKeys(blobs, TIPS_STORE, 'tips/');
const files = () => storedKeys(blobs, TIPS_STORE, 'files/');

// Requests as the proxy sees them: "PUT /ltsa-test/site:tips/files/v1.…/<seal id>-0".
const tipsPath = (path: string, key: string) => path.startsWith(`/ltsa-test/site:${TIPS_STORE}/${key}`);
const fileWrite = (n: number): Rule => (m, p) => m === 'PUT' && tipsPath(p, 'files/') && p.split('?')[0]!.endsWith(`-${n}`);
const anyFileWrite: Rule = (m, p) => m === 'PUT' && tipsPath(p, 'files/');
const headWrite: Rule = (m, p) => m === 'PUT' && tipsPath(p, 'tips/');
const anyDelete: Rule = (m) => m === 'DELETE';
const either = (...rules: Rule[]): Rule => (m, p) => rules.some((r) => r(m, p));

/**
 * Heals the proxy once the storage calls of the last request have stopped. A handler may answer
 * before its best-effort clean-up is over (deleteAll gives up at the first failed delete while the
 * others still retry): those retries must meet the same faults, not a healed store.
 */
async function heal() {
  let seen = -1;
  while (seen !== proxy.seen.length) {
    seen = proxy.seen.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  proxy.clearFaults();
}

const report = {
  category: 'penampungan',
  what: 'Adik saya ditahan di penampungan di Jakarta & tidak boleh menelepon keluarga.',
  placeDetail: 'Gang Melati, dekat masjid',
  who: 'Bu Z dari "PT Maju Jaya"',
  childInvolved: 'ya',
  contactWanted: 'tidak',
  consent: 'ya',
};

const twoFiles = () => [
  { name: 'IMG_20261129_081500.jpg', type: 'image/jpeg', bytes: photo },
  { name: 'surat.pdf', type: 'application/pdf', bytes: pdf },
];

/** The three ways a report arrives: multipart JSON answer, a form post wanting a page, sealed in the browser. */
type Way = 'multipart' | 'form post' | 'sealed';
const WAYS: Way[] = ['multipart', 'form post', 'sealed'];

async function submit(way: Way, lang: Lang = 'id'): Promise<Answer> {
  if (way === 'multipart') return readNoStoreAnswer(await handleTips(await multipartPost('/api/tips', { ...report, lang }, twoFiles(), { accept: 'application/json' })));
  if (way === 'form post') return readNoStoreAnswer(await handleTips(await multipartPost('/api/tips', { ...report, lang }, twoFiles())));
  const officers = [{ id: keys.officer.id, publicKey: keys.officer.publicKey }];
  const sealId = newSealId();
  const box = await sealReport({ category: 'penampungan', what: report.what, childInvolved: 'ya', contactWanted: false, files: [{ name: 'bukti-1.jpg', type: 'image/jpeg', size: photo.length }, { name: 'bukti-2.pdf', type: 'application/pdf', size: pdf.length }] }, officers, sealId);
  const sealedFiles = [await sealEvidence(photo, officers, sealId), await sealEvidence(pdf, officers, sealId)];
  return readNoStoreAnswer(await handleTips(jsonPost('/api/tips', { lang, sealed: { sealId, category: 'penampungan', childInvolved: 'ya', report: box, files: sealedFiles } })));
}

/** A 503 in the reader's language: JSON for scripts, the form with everything typed for a form post. */
function expectUnavailable(answer: Answer, way: Way | 'json', lang: Lang = 'id') {
  expect(answer.status, answer.text.slice(0, 300)).toBe(503);
  if (way === 'form post') {
    expect(answer.text).toContain(escapeHtml(tipText(lang, 'tip.unavailableTitle')));
    expect(answer.text).toContain(escapeHtml(tipText(lang, 'tip.unavailable')));
    expect(answer.text).toContain(escapeHtml(report.what));
    expect(answer.text).toContain(`value="${escapeHtml(report.placeDetail)}"`);
    expect(answer.text).toContain(escapeHtml(report.who));
    expect(answer.text).toContain(escapeHtml(tipText(lang, 'tip.filesKept')));
  } else {
    expect(answer.body).toEqual({ error: 'service-unavailable', message: tipText(lang, 'tip.unavailable') });
  }
}

/** A tip stored while storage works, for follow-ups: its receipt. */
async function storedTip(): Promise<string> {
  const answer = await readNoStoreAnswer(await handleTips(await multipartPost('/api/tips', report, [{ name: 'a.jpg', type: 'image/jpeg', bytes: photo }], { accept: 'application/json' })));
  expect(answer.status, answer.text).toBe(201);
  return answer.body.receipt;
}

// ---------------------------------------------------------------- a report with two files

describe('a storage fault while a report with two files is written', () => {
  const points: [string, Rule][] = [
    ['file 1', fileWrite(0)],
    ['file 2', fileWrite(1)],
    ['the head', headWrite],
  ];
  const cases = points.flatMap(([name, rule]) => WAYS.map((way) => [name, way, rule] as const));

  it.each(cases)('fails at %s (%s): 503, no head, no file left; the same report goes through afterwards', async (_name, way, rule) => {
    const before = { heads: heads().length, files: files().length };
    proxy.fail(rule);
    const answer = await submit(way);
    expect(proxy.failed.length, 'the fault was injected').toBeGreaterThan(0);
    expectUnavailable(answer, way);
    await heal();
    expect(heads()).toHaveLength(before.heads);
    expect(files()).toHaveLength(before.files);

    const retry = await submit(way);
    expect(retry.status, retry.text.slice(0, 300)).toBe(201);
    expect(heads()).toHaveLength(before.heads + 1);
    expect(files()).toHaveLength(before.files + 2);
  });

  it('answers in English for an English reader', async () => {
    proxy.fail(headWrite);
    expectUnavailable(await submit('multipart', 'en'), 'multipart', 'en');
    expectUnavailable(await submit('form post', 'en'), 'form post', 'en');
    await heal();
  });

  it('a file write that landed but whose answer was lost is removed with the rest', async () => {
    const before = { heads: heads().length, files: files().length };
    proxy.failAfter(fileWrite(1));
    expectUnavailable(await submit('multipart'), 'multipart');
    expect(proxy.failed.some((f) => f.endsWith('(after)'))).toBe(true);
    await heal();
    expect(heads()).toHaveLength(before.heads);
    expect(files()).toHaveLength(before.files);
  });

  it.each([
    ['the head write fails', (): void => proxy.fail(either(headWrite, anyDelete)), 2],
    ['file 2 lands but its answer is lost', (): void => {
      proxy.failAfter(fileWrite(1));
      proxy.fail(anyDelete);
    }, 2],
    ['file 2 fails', (): void => proxy.fail(either(fileWrite(1), anyDelete)), 1],
  ] as const)('when %s and the deletion fails too, the daily cleanup removes the files left, and only those', async (_name, arrange, left) => {
    const keep = await storedTip(); // a tip whose file the cleanup must keep
    const before = { heads: heads().length, files: files() };
    arrange();
    expectUnavailable(await submit('multipart'), 'multipart');
    await heal();
    expect(heads()).toHaveLength(before.heads);
    const orphans = files().filter((f) => !before.files.includes(f));
    expect(orphans).toHaveLength(left);

    const tips = new TipStore(tipsStore());
    // Younger than a day: its head might still be on its way, so today's cleanup leaves it.
    expect(await tips.removeOrphanFiles(jakartaToday())).toBe(0);
    expect(files()).toHaveLength(before.files.length + left);
    expect(await tips.removeOrphanFiles(addDays(jakartaToday(), 1))).toBe(left);
    expect(files().sort()).toEqual([...before.files].sort());
    // The kept tip still opens with its evidence.
    const opened = await openAsOfficer(tipsStore(), keys, keep);
    expect(opened.entries[0]!.files[0]!.meta.name).toBe('bukti-1.jpg');
  });

  it.each(WAYS)('a lost answer to the head write (%s): the write is found, 201, exactly one head', async (way) => {
    const before = { heads: heads().length, files: files().length };
    proxy.failAfter(headWrite);
    const answer = await submit(way);
    expect(proxy.failed.some((f) => f.endsWith('(after)'))).toBe(true);
    expect(answer.status, answer.text.slice(0, 300)).toBe(201);
    await heal();
    expect(heads()).toHaveLength(before.heads + 1);
    expect(files()).toHaveLength(before.files + 2);
    const receipt = way === 'form post' ? /class="code receipt-code"[^>]*>([0-9A-Z-]{24})</.exec(answer.text)![1]! : answer.body.receipt;
    const status = await readNoStoreAnswer(await handleTipStatus(jsonPost('/api/tips/status', { receipt })));
    expect(status.status).toBe(200);
    expect((await openAsOfficer(tipsStore(), keys, receipt)).entries[0]!.files).toHaveLength(2);
  });
});

// ---------------------------------------------------------------- a follow-up with a file

describe('a storage fault while a follow-up with a file is written', () => {
  const followUp = async (receipt: string, asPage: boolean, lang: Lang = 'id') =>
    readNoStoreAnswer(await handleTipMessages(await multipartPost('/api/tips/messages', { receipt, message: 'Ini foto surat kontraknya.', lang }, [{ name: 'kontrak.jpg', type: 'image/jpeg', bytes: photo }], asPage ? {} : { accept: 'application/json' })));

  it.each([
    ['the file', false, anyFileWrite],
    ['the file', true, anyFileWrite],
    ['the head update', false, headWrite],
    ['the head update', true, headWrite],
  ] as const)('fails at %s (form post: %s): 503, the tip unchanged, no file left; it goes through afterwards', async (_name, asPage, rule) => {
    const receipt = await storedTip();
    const before = { heads: heads().length, files: files().length };
    proxy.fail(rule);
    const answer = await followUp(receipt, asPage);
    expect(proxy.failed.length).toBeGreaterThan(0);
    expect(answer.status).toBe(503);
    if (asPage) {
      expect(answer.text).toContain(escapeHtml(tipText('id', 'tip.unavailable')));
      expect(answer.text).toContain('Ini foto surat kontraknya.');
      expect(answer.text).toContain(`value="${receipt}"`);
    } else {
      expect(answer.body).toEqual({ error: 'service-unavailable', message: tipText('id', 'tip.unavailable') });
    }
    await heal();
    expect(heads()).toHaveLength(before.heads);
    expect(files()).toHaveLength(before.files);
    expect((await openAsOfficer(tipsStore(), keys, receipt)).entries.map((e) => e.kind)).toEqual(['report']);

    expect((await followUp(receipt, false)).status).toBe(201);
    const opened = await openAsOfficer(tipsStore(), keys, receipt);
    expect(opened.entries.map((e) => e.kind)).toEqual(['report', 'follow-up']);
    expect(opened.entries[1]!.files).toHaveLength(1);
    expect(files()).toHaveLength(before.files + 1);
  });

  it('when the head update fails and so does the deletion, the daily cleanup removes the file', async () => {
    const receipt = await storedTip();
    const before = files();
    proxy.fail(either(headWrite, anyDelete));
    expect((await followUp(receipt, false)).status).toBe(503);
    await heal();
    expect(files()).toHaveLength(before.length + 1);
    expect(await new TipStore(tipsStore()).removeOrphanFiles(addDays(jakartaToday(), 1))).toBe(1);
    expect(files().sort()).toEqual([...before].sort());
    expect((await openAsOfficer(tipsStore(), keys, receipt)).entries[0]!.files).toHaveLength(1);
  });

  it('a lost answer to the head update: the follow-up is found, 201, added once', async () => {
    const receipt = await storedTip();
    const before = files().length;
    proxy.failAfter(headWrite);
    const answer = await followUp(receipt, false);
    expect(proxy.failed.some((f) => f.endsWith('(after)'))).toBe(true);
    expect(answer.status, answer.text).toBe(201);
    await heal();
    const opened = await openAsOfficer(tipsStore(), keys, receipt);
    expect(opened.entries.map((e) => e.kind)).toEqual(['report', 'follow-up']);
    expect(files()).toHaveLength(before + 1);
  });
});

// ---------------------------------------------------------------- Blobs unreachable

describe('Blobs unreachable', () => {
  it('every tip endpoint that needs storage answers 503, and works again once Blobs is back', async () => {
    const receipt = await storedTip();
    const before = { heads: heads().length, files: files().length };
    await blobs.pause();
    try {
      // Through the proxy (it answers 502), and straight at the closed port (connection refused).
      for (const via of ['proxy', 'direct'] as const) {
        if (via === 'direct') setEnvironmentContext({ edgeURL: blobs.url, uncachedEdgeURL: blobs.url, siteID: 'ltsa-test', token: 'test-token' });
        expectUnavailable(await submit('multipart'), 'multipart');
        expectUnavailable(await submit('form post'), 'form post');
        expectUnavailable(await submit('sealed'), 'sealed');
        const status = await readNoStoreAnswer(await handleTipStatus(jsonPost('/api/tips/status', { receipt }, { 'accept-language': 'en' })));
        expectUnavailable(status, 'json', 'en');
        const statusPage = await readNoStoreAnswer(await handleTipStatus(new Request(`${ORIGIN}/api/tips/status`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ receipt }).toString() })));
        expect(statusPage.status).toBe(503);
        expect(statusPage.text).toContain(`value="${receipt}"`);
        expect((await followUp(receipt)).status).toBe(503);
      }
    } finally {
      await blobs.resume();
      throughProxy();
    }
    expect(heads()).toHaveLength(before.heads);
    expect(files()).toHaveLength(before.files);
    expect((await readNoStoreAnswer(await handleTipStatus(jsonPost('/api/tips/status', { receipt })))).status).toBe(200);
    expect((await submit('multipart')).status).toBe(201);

    async function followUp(r: string) {
      return readNoStoreAnswer(await handleTipMessages(jsonPost('/api/tips/messages', { receipt: r, message: 'Informasi tambahan.' })));
    }
  });
});

