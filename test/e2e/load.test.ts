/**
 * The local server under load (issue 6): 120 applicants submit at once through the server `npm start`
 * runs, 60 for each of two visit days with the real capacity of 40 places a day. No answer may be a
 * 5xx; each is a 201 or a 422 saying the day is full; each day gets exactly its 40 places; and the
 * store holds exactly the records that were answered with 201, each of which passes the status check.
 * The server has a Blobs folder of its own, so days are empty at the start of every run.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore, listStores } from '@netlify/blobs';
import { projectRoot } from '../support/project-copy.ts';
import { testKeys } from '../support/keys.ts';
import { applicant, openDays, type Applicant } from '../support/applicants.ts';
import { formData } from '../../src/generated/form-data.ts';
import { PREREGISTRATION_STORE } from '../../src/server/preregistration-store.ts';
import { scopedStoreName } from '../../src/server/storage.ts';
import { serveSite, type LocalSite } from '../../src/cli/serve.ts';

const SUBMISSIONS = 120;
/**
 * The local server bundles a function again for every call (about 2 s of CPU), and runs 8 calls at
 * once: on a 2-core machine it answers about 1.7 submissions a second, so the last of 120 waits
 * over a minute in its queue. Each request may take 3 minutes (fetch itself gives up after 5).
 */
const REQUEST_TIMEOUT_MS = 180_000;

let site: LocalSite;
let blobsDirectory: string;

beforeAll(async () => {
  blobsDirectory = mkdtempSync(join(tmpdir(), 'ltsa-load-blobs-'));
  // No capacity override: the real number of places a day, so the load also fills both days.
  const keys = await testKeys();
  site = await serveSite({ root: projectRoot, port: 0, quiet: true, env: keys.env, blobsDirectory });
});
afterAll(async () => {
  await site?.close();
  if (blobsDirectory) rmSync(blobsDirectory, { recursive: true, force: true });
});

interface Answer {
  applicant: Applicant;
  status: number;
  body: { code?: string; visitDate?: string; errors?: Record<string, string> } | undefined;
  /** Transport failure or timeout, when there was no answer at all. */
  failure?: string;
}

async function post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${site.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: site.url },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { text: text.slice(0, 300) };
  }
  return { status: response.status, body: parsed };
}

/**
 * Every record code in the local store. The local server runs in the "dev" deploy context, whose
 * store has its own name (src/server/storage.ts); production's store must stay untouched.
 */
async function storedRecordCodes(): Promise<string[]> {
  const options = { siteID: site.blobs.siteID, token: site.blobs.token, edgeURL: site.blobs.edgeURL, uncachedEdgeURL: site.blobs.edgeURL };
  const name = scopedStoreName(PREREGISTRATION_STORE, 'dev');
  const { stores } = await listStores(options);
  expect(stores, 'stores in the fresh Blobs folder').toContain(name);
  expect(stores).not.toContain(PREREGISTRATION_STORE);
  const { blobs } = await getStore({ ...options, name, consistency: 'strong' }).list({ prefix: 'records/' });
  return blobs.map((b) => b.key.slice('records/'.length));
}

it(`answers ${SUBMISSIONS} concurrent submissions with no 5xx, one record per 201`, { timeout: 600_000 }, async () => {
  const days = openDays().slice(0, 2);
  expect(days, 'two bookable visit days').toHaveLength(2);
  const capacity = formData.capacityPerDay;
  const applicants = Array.from({ length: SUBMISSIONS }, (_, i) => applicant({ visitDate: days[i % days.length]! }));

  const started = performance.now();
  const answers: Answer[] = await Promise.all(
    applicants.map(async (a) => {
      try {
        const { status, body } = await post('/api/preregistrations', a);
        return { applicant: a, status, body: body as Answer['body'] };
      } catch (error) {
        return { applicant: a, status: 0, body: undefined, failure: String(error) };
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const byStatus: Record<string, number> = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  const created = answers.filter((a) => a.status === 201);
  const perDay = Object.fromEntries(days.map((day) => [day, created.filter((a) => a.body?.visitDate === day).length]));
  const stored = await storedRecordCodes();
  const answered = created.map((a) => a.body?.code ?? '');
  console.log(
    `load: ${SUBMISSIONS} concurrent posts in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(byStatus)}; ` +
      `201s per day ${JSON.stringify(perDay)}; records stored ${stored.length}, ` +
      `without a 201 ${stored.filter((c) => !answered.includes(c)).length}, 201s without a record ${answered.filter((c) => !stored.includes(c)).length}`,
  );
  const odd = answers.find((a) => a.status !== 201 && a.status !== 422);
  if (odd) console.log(`load: first answer other than 201/422: ${odd.status} ${odd.failure ?? JSON.stringify(odd.body).slice(0, 400)}`);

  // Every request was answered, none with a 5xx, each a place or "this day is full".
  expect(answers.filter((a) => a.status === 0).map((a) => a.failure)).toEqual([]);
  expect(answers.filter((a) => a.status >= 500).length, '5xx answers').toBe(0);
  for (const a of answers) {
    if (a.status === 201) continue;
    expect(a.status, JSON.stringify(a.body)).toBe(422);
    expect(a.body?.errors?.visitDate, `a refusal names the visit day: ${JSON.stringify(a.body)}`).toBeTruthy();
  }
  // Each day had 60 applicants for 40 places, and nothing else was booked: exactly 40 each.
  for (const day of days) expect(perDay[day], `places given on ${day}`).toBe(Math.min(SUBMISSIONS / days.length, capacity));

  // The store holds exactly the records answered with 201: none lost, none nobody was told of.
  expect(new Set(answered).size).toBe(answered.length);
  expect([...stored].sort()).toEqual([...answered].sort());

  // Each code that was given works for its applicant.
  const checkStarted = performance.now();
  const checks = await Promise.all(created.map((a) => post('/api/preregistrations/status', { code: a.body!.code, birthDate: a.applicant.birthDate })));
  console.log(`load: ${checks.length} concurrent status checks in ${((performance.now() - checkStarted) / 1000).toFixed(1)} s`);
  expect(checks.filter((c) => c.status !== 200).map((c) => `${c.status} ${JSON.stringify(c.body)}`)).toEqual([]);
});
