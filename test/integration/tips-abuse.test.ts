/**
 * The tip receipt on the open internet, through the real handlers and a real local Blobs server: the
 * lockout by neighbourhood (10 failed checks of receipts that differ from a real one in one group lock
 * it, the right receipt included, on the status check and on follow-ups alike, with Retry-After and the
 * time in words; random guesses never lock a real receipt; a typo caught by the check character counts
 * nothing; right checks are given back), parallel guesses getting no extra tries, the lock ending after
 * 24 hours (a service on a later clock), the limit of 20 follow-ups a day, and that an unknown receipt
 * costs the same slow hash as a known one (a floor only: timings are not compared).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobsWithKeys, type LocalBlobs } from '../support/blobs.ts';
import type { TestKeys } from '../support/keys.ts';
import { formPost, jsonPost, readNoStoreAnswer, type Answer } from '../support/http.ts';
import { openAsOfficer, tipsStore } from '../support/tips.ts';
import { handleTips } from '../../src/server/handlers/tips.ts';
import { handleTipStatus } from '../../src/server/handlers/tip-status.ts';
import { handleTipMessages } from '../../src/server/handlers/tip-messages.ts';
import { ABUSE_LIMITS_STORE, RECEIPT_FAILURES, TIP_FOLLOW_UPS } from '../../src/server/abuse-limits.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openScopedStore } from '../../src/server/storage.ts';
import { TipService } from '../../src/server/tip-service.ts';
import { CODE_ALPHABET, checkCharacter } from '../../src/lib/check-code.ts';
import { generateReceipt, normalizeReceipt } from '../../src/lib/receipt.ts';
import { addDays, jakartaToday } from '../../src/lib/office-days.ts';

const HOUR = 3600_000;
let blobs: LocalBlobs;
let keys: TestKeys;

beforeAll(async () => {
  ({ blobs, keys } = await startBlobsWithKeys());
});
afterAll(async () => blobs?.stop());

// ---------------------------------------------------------------- helpers

const checkStatus = async (receipt: string, headers: Record<string, string> = {}) => readNoStoreAnswer(await handleTipStatus(jsonPost('/api/tips/status', { receipt }, headers)));
const followUp = async (receipt: string, message = 'Ada informasi tambahan.', headers: Record<string, string> = {}) =>
  readNoStoreAnswer(await handleTipMessages(jsonPost('/api/tips/messages', { receipt, message }, headers)));

/** A new tip (plain JSON, no files): its receipt. */
async function newTip(): Promise<string> {
  const answer = await readNoStoreAnswer(
    await handleTips(jsonPost('/api/tips', { category: 'calo', what: 'Calo meminta uang jalan Rp10 juta.', childInvolved: 'tidak', contactWanted: 'tidak', consent: 'ya' })),
  );
  expect(answer.status, answer.text).toBe(201);
  return answer.body.receipt;
}

const randomCharacters = (n: number) => Array.from({ length: n }, () => CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)]).join('');

/**
 * A well-formed receipt (valid check character) that differs from `receipt` in group `group` (0–4)
 * only: what someone who saw the rest of a receipt would try. The check character sits in the last
 * group, so for groups 0–3 only replacements that keep it are taken (about 1 in 32).
 */
function neighbour(receipt: string, group: number, taken: Set<string> = new Set()): string {
  const groups = receipt.split('-');
  for (;;) {
    const next = [...groups];
    next[group] = group === 4 ? randomCharacters(3) : randomCharacters(4);
    const payload = next.join('').slice(0, 19);
    const candidate = `${payload}${checkCharacter(payload)}`.match(/.{4}/g)!.join('-');
    const differs = candidate.split('-').map((g, i) => g !== groups[i]);
    if (differs.filter(Boolean).length !== 1 || !differs[group] || taken.has(candidate)) continue;
    expect(normalizeReceipt(candidate)).toBe(candidate);
    taken.add(candidate);
    return candidate;
  }
}

/** A receipt with one character mistyped: its check character no longer matches. */
function typo(receipt: string, position: number): string {
  const characters = receipt.replace(/-/g, '').split('');
  const at = position % 20;
  characters[at] = CODE_ALPHABET[(CODE_ALPHABET.indexOf(characters[at]!) + 1 + (position % 31)) % 32]!;
  const typed = characters.join('').match(/.{4}/g)!.join('-');
  expect(normalizeReceipt(typed)).toBeUndefined();
  return typed;
}

/** Failed receipt checks currently counted, across every neighbourhood. */
async function countedFailures(): Promise<number> {
  const store = openScopedStore(ABUSE_LIMITS_STORE);
  const { blobs: entries } = await store.list({ prefix: `${RECEIPT_FAILURES.kind}/` });
  let hits = 0;
  for (const { key } of entries) hits += (((await store.get(key, { type: 'json' })) as { hits: number[] } | null)?.hits ?? []).length;
  return hits;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const LOCK_ID = /^Terlalu banyak kode yang salah dicoba\. Untuk melindungi pelapor, pemeriksaan kode ini dikunci sampai \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB\. Coba lagi setelah itu\.$/;
const LOCK_EN = /^Too many wrong codes were tried\. To protect the reporter, checks of this code are locked until \d{1,2} \w+ \d{4} at \d{2}:\d{2} WIB \(Jakarta time\)\. Try again after that\.$/;

function expectLocked(answer: Answer) {
  expect(answer.status).toBe(429);
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(23 * 3600);
  expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
  if (answer.body) {
    expect(answer.body.error).toBe('locked');
    expect(answer.body.retryAfter).toBe(retryAfter);
  }
}

// ---------------------------------------------------------------- the lockout

describe('a receipt’s neighbourhood locks after 10 failed checks in 24 hours', () => {
  it('the 11th guess and even the right receipt get 429 with Retry-After and the time, on status and on follow-ups', async () => {
    const receipt = await newTip();
    expect((await checkStatus(receipt)).status).toBe(200);
    const taken = new Set<string>();
    // Failures count the same on the status check and on follow-ups.
    for (let i = 1; i <= 10; i++) {
      const guess = neighbour(receipt, 2, taken);
      const answer = i % 2 ? await checkStatus(guess) : await followUp(guess);
      expect(answer.status, `guess ${i}`).toBe(404);
    }
    const eleventh = await checkStatus(neighbour(receipt, 2, taken));
    expectLocked(eleventh);
    expect(eleventh.body.message).toMatch(LOCK_ID);

    const right = await checkStatus(receipt);
    expectLocked(right);
    expect(right.body.message).toMatch(LOCK_ID);
    expect((await checkStatus(receipt.toLowerCase().replace(/-/g, ' '))).status).toBe(429);
    const english = await checkStatus(receipt, { 'accept-language': 'en' });
    expectLocked(english);
    expect(english.body.message).toMatch(LOCK_EN);

    // The status form without JavaScript: 429, the notice, the receipt as typed.
    const page = await readNoStoreAnswer(await handleTipStatus(formPost('/api/tips/status', { receipt, lang: 'id' })));
    expectLocked(page);
    expect(page.text).toContain('Kode ini dikunci sementara');
    expect(page.text).toMatch(/dikunci sampai \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
    expect(page.text).toContain(`value="${receipt}"`);

    // Follow-ups with the right receipt are locked too, with the same reason, and nothing is added.
    const added = await followUp(receipt, 'Saya pelapornya, ini informasi baru.');
    expectLocked(added);
    expect(added.body.message).toMatch(LOCK_ID);
    const addedPage = await readNoStoreAnswer(await handleTipMessages(formPost('/api/tips/messages', { receipt, message: 'Informasi baru lewat formulir.', lang: 'en' })));
    expectLocked(addedPage);
    expect(addedPage.text).toContain('Informasi baru lewat formulir.');
    expect(addedPage.text).toMatch(/locked until \d{1,2} \w+ \d{4} at \d{2}:\d{2} WIB/);
    const opened = await openAsOfficer(tipsStore(), keys, receipt);
    expect(opened.entries.map((e) => e.kind)).toEqual(['report']);

    // Guesses in another group hit other neighbourhoods, but the lock of group 3 holds for the receipt.
    expect((await checkStatus(neighbour(receipt, 0))).status).toBe(404);
    expect((await checkStatus(receipt)).status).toBe(429);

    // A service on a later clock: still locked within the 24 hours, open again after them.
    const config = await loadConfig();
    const later = (ms: number) => new TipService(config, { clock: () => Date.now() + ms });
    expect((await later(23 * HOUR).status(receipt)).kind).toBe('locked');
    expect(await later(24 * HOUR + 60_000).status(receipt)).toMatchObject({ kind: 'found', status: 'received' });
  });

  it('a lock in the last group (which holds the check character) works the same way', async () => {
    const receipt = await newTip();
    const taken = new Set<string>();
    for (let i = 1; i <= 10; i++) expect((await checkStatus(neighbour(receipt, 4, taken))).status).toBe(404);
    expectLocked(await checkStatus(receipt));
  });

  it('parallel guesses get no more than 10 tries', async () => {
    const receipt = await newTip();
    const taken = new Set<string>();
    const guesses = await Promise.all(Array.from({ length: 25 }, () => checkStatus(neighbour(receipt, 1, taken))));
    const counts = guesses.reduce<Record<number, number>>((c, g) => ({ ...c, [g.status]: (c[g.status] ?? 0) + 1 }), {});
    expect(counts[404]).toBeLessThanOrEqual(10);
    expect((counts[404] ?? 0) + (counts[429] ?? 0)).toBe(25);
    expect((await checkStatus(receipt)).status).toBe(429);
  });

  it('random unknown receipts never lock a real one, even when one of them is locked itself', async () => {
    const receipt = await newTip();
    for (let i = 0; i < 15; i++) expect((await checkStatus(generateReceipt())).status).toBe(404);
    expect((await checkStatus(receipt)).status).toBe(200);

    const unknown = generateReceipt();
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await checkStatus(unknown)).status);
    expect(answers).toEqual([...Array(10).fill(404), 429, 429]);
    expect((await checkStatus(receipt)).status).toBe(200);
    expect((await followUp(receipt)).status).toBe(201);
  });

  it('a mistyped receipt (wrong check character) is a 422 and counts nothing', async () => {
    const receipt = await newTip();
    const before = await countedFailures();
    for (let i = 0; i < 25; i++) {
      const typed = typo(receipt, i);
      const answer = i % 2 ? await checkStatus(typed) : await followUp(typed);
      expect(answer.status).toBe(422);
      expect(Object.keys(answer.body.errors)).toEqual(['receipt']);
    }
    expect(await countedFailures()).toBe(before);
    expect((await checkStatus(receipt)).status).toBe(200);
  });

  it('right checks are given back: 20 of them leave all 10 tries for guesses', async () => {
    const receipt = await newTip();
    const before = await countedFailures();
    for (let i = 0; i < 20; i++) expect((await checkStatus(receipt)).status, `right check ${i + 1}`).toBe(200);
    expect(await countedFailures()).toBe(before);
    const taken = new Set<string>();
    for (let i = 1; i <= 10; i++) expect((await checkStatus(neighbour(receipt, 3, taken))).status, `guess ${i}`).toBe(404);
    expect(await countedFailures()).toBe(before + 10 * 5);
    expectLocked(await checkStatus(neighbour(receipt, 3, taken)));
  });
});

// ---------------------------------------------------------------- follow-ups

describe('follow-ups', () => {
  it(`the ${TIP_FOLLOW_UPS.limit + 1}st in a Jakarta day on one receipt is a 429 saying when (the next day); the status stays readable`, async () => {
    const receipt = await newTip();
    for (let i = 1; i <= TIP_FOLLOW_UPS.limit; i++) expect((await followUp(receipt, `Informasi tambahan nomor ${i}.`)).status, `follow-up ${i}`).toBe(201);
    const refused = await followUp(receipt, 'Satu lagi.');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('locked');
    // The counter keeps days, not times (no time is kept with a tip): the day's follow-ups come back at Jakarta midnight.
    const retryAfter = Number(refused.headers.get('retry-after'));
    const nextMidnight = Date.parse(`${addDays(jakartaToday(), 1)}T00:00:00+07:00`);
    expect(Math.abs(Date.now() + retryAfter * 1000 - nextMidnight)).toBeLessThan(5_000);
    expect(refused.body.message).toMatch(/^Kode ini sudah mengirim banyak pesan hari ini\. Anda bisa mengirim lagi setelah \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB\.$/);
    const english = await followUp(receipt, 'One more.', { 'accept-language': 'en' });
    expect(english.body.message).toMatch(/^This code has sent many messages today\. You can send again after \d{1,2} \w+ \d{4} at \d{2}:\d{2} WIB \(Jakarta time\)\.$/);
    const page = await readNoStoreAnswer(await handleTipMessages(formPost('/api/tips/messages', { receipt, message: 'Pesan lewat formulir yang ditolak.', lang: 'id' })));
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(page.text).toContain('Terlalu banyak pesan');
    expect(page.text).toContain('Pesan lewat formulir yang ditolak.');

    const status = await checkStatus(receipt);
    expect(status.status).toBe(200);
    expect(status.body.followUps).toHaveLength(TIP_FOLLOW_UPS.limit);
    expect((await openAsOfficer(tipsStore(), keys, receipt)).entries).toHaveLength(1 + TIP_FOLLOW_UPS.limit);

    // A day later (a service on a later clock), the receipt may add again.
    const tomorrow = new TipService(await loadConfig(), { clock: () => Date.now() + 24 * HOUR + 60_000 });
    expect(await tomorrow.followUpPlain(receipt, 'Keesokan harinya.', [])).toEqual({ kind: 'added' });
    expect((await openAsOfficer(tipsStore(), keys, receipt)).entries.at(-1)!.day > jakartaToday()).toBe(true);
  });

  it('a follow-up flood on one receipt does not limit another', async () => {
    const receipt = await newTip();
    expect((await followUp(receipt)).status).toBe(201);
  });
});

// ---------------------------------------------------------------- cost

describe('every receipt check costs a slow hash', () => {
  it('an unknown receipt and a known one both take longer than the scrypt floor (30 ms, median of 10)', async () => {
    const receipt = await newTip();
    const time = async (value: string, expected: number) => {
      const start = performance.now();
      const answer = await checkStatus(value);
      const ms = performance.now() - start;
      expect(answer.status).toBe(expected);
      return ms;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 10; i++) {
      known.push(await time(receipt, 200));
      unknown.push(await time(generateReceipt(), 404));
    }
    expect(median(known)).toBeGreaterThan(30);
    expect(median(unknown)).toBeGreaterThan(30);
  });
});
