/**
 * Load on the tip handler in process, against a real local Blobs server: 500 tips started at once (400
 * sealed in the browser, 100 plain multipart form posts without files) all get a 201 with 500 distinct
 * receipts; every receipt's status check answers 200 (20 at a time); the store holds exactly 500 heads,
 * no more (no retried write doubled) and no fewer (none lost). Durations are printed, never asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobsWithKeys, storedKeys, type LocalBlobs } from '../support/blobs.ts';
import type { TestKeys } from '../support/keys.ts';
import { multipartBody, ORIGIN } from '../support/http.ts';
import { tipsStore } from '../support/tips.ts';
import { handleTips } from '../../src/server/handlers/tips.ts';
import { handleTipStatus } from '../../src/server/handlers/tip-status.ts';
import { TIPS_STORE, TipStore } from '../../src/server/tip-store.ts';
import { normalizeReceipt } from '../../src/lib/receipt.ts';
import { newSealId } from '../../src/lib/sealing.ts';
import { sealReport } from '../../src/lib/tip-sealing.ts';
import { TIP_CATEGORIES } from '../../src/schemas/forms/tip-fields.ts';

const SEALED = 400;
const PLAIN = 100;
const STATUS_CONCURRENCY = 20;

let blobs: LocalBlobs;
let keys: TestKeys;

beforeAll(async () => {
  ({ blobs, keys } = await startBlobsWithKeys());
});
afterAll(async () => blobs?.stop());

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The request bodies, built before the clock starts: sealing is the browser's work, not the function's. */
async function sealedBody(i: number): Promise<string> {
  const officers = [{ id: keys.officer.id, publicKey: keys.officer.publicKey }];
  const sealId = newSealId();
  const category = TIP_CATEGORIES[i % TIP_CATEGORIES.length]!.value;
  const report = await sealReport({ category, what: `Laporan nomor ${i}: calo meminta uang jalan.`, childInvolved: 'tidak', contactWanted: false, files: [] }, officers, sealId);
  return JSON.stringify({ lang: 'id', sealed: { sealId, category, childInvolved: i % 7 === 0 ? 'ya' : 'tidak', report } });
}

function plainBody(i: number): Promise<{ body: Uint8Array; type: string }> {
  const fields = { category: 'penampungan', what: `Laporan biasa nomor ${i}, tanpa JavaScript.`, placeDetail: `Desa ${i}`, childInvolved: 'tidak-tahu', contactWanted: 'tidak', consent: 'ya', lang: 'id' };
  const emptyFileInput = { name: '', type: 'application/octet-stream', bytes: new Uint8Array() }; // the empty file input a browser sends
  return multipartBody(fields, [emptyFileInput]);
}

describe(`${SEALED + PLAIN} tips at once`, () => {
  it('all get 201 and distinct receipts that each find their tip; the store holds exactly one head each', async () => {
    const sealed = await Promise.all(Array.from({ length: SEALED }, (_, i) => sealedBody(i)));
    const plain = await Promise.all(Array.from({ length: PLAIN }, (_, i) => plainBody(i)));
    const requests = [
      ...sealed.map((body) => new Request(`${ORIGIN}/api/tips`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })),
      ...plain.map(({ body, type }) => new Request(`${ORIGIN}/api/tips`, { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body: body as BodyInit })),
    ];

    const start = performance.now();
    const responses = await Promise.all(requests.map((request) => handleTips(request)));
    const submitted = performance.now() - start;
    const answers = await Promise.all(responses.map(async (r) => ({ status: r.status, text: await r.text() })));

    const failed = answers.filter((a) => a.status !== 201);
    expect(failed.map((a) => `${a.status} ${a.text.slice(0, 120)}`)).toEqual([]);
    const receipts = answers.map((a) => JSON.parse(a.text).receipt as string);
    for (const r of receipts) expect(normalizeReceipt(r)).toBe(r);
    expect(new Set(receipts).size).toBe(SEALED + PLAIN);

    const checkStart = performance.now();
    const statuses = await pool(receipts, STATUS_CONCURRENCY, async (receipt) => {
      const response = await handleTipStatus(new Request(`${ORIGIN}/api/tips/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipt }) }));
      const body = await response.json();
      return { status: response.status, body };
    });
    const checked = performance.now() - checkStart;
    expect(statuses.filter((s) => s.status !== 200)).toEqual([]);
    expect(statuses.every((s) => s.body.status === 'received' && s.body.messages.length === 0)).toBe(true);

    const heads = await new TipStore(tipsStore()).tipKeys();
    expect(heads).toHaveLength(SEALED + PLAIN);
    expect(storedKeys(blobs, TIPS_STORE, 'tips/')).toHaveLength(SEALED + PLAIN);
    expect(storedKeys(blobs, TIPS_STORE, 'files/')).toHaveLength(0);

    console.info(
      `tips load: ${SEALED + PLAIN} submissions at once in ${(submitted / 1000).toFixed(1)} s (${((SEALED + PLAIN) / (submitted / 1000)).toFixed(0)}/s); ` +
        `${receipts.length} status checks, ${STATUS_CONCURRENCY} at a time, in ${(checked / 1000).toFixed(1)} s (${(receipts.length / (checked / 1000)).toFixed(0)}/s)`,
    );
    // Locally each status check takes 5 limit counters and gives them back: 10 conditional updates, and the
    // local Blobs server, which sends no ETag with an entry, makes each one list (and stat) the whole day
    // folder of counters. The checks therefore slow down as the folder grows; Netlify Blobs sends the ETag.
  }, 300_000);
});
