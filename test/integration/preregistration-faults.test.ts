/**
 * Storage faults in the middle of a submission: a 503 in the reader's language, and nothing left
 * half-done — no record, no day slot held without its record, no NIK blocked — so the same person
 * can register as soon as storage works again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBlobs, storedKeys, type LocalBlobs } from '../support/blobs.ts';
import { PREREGISTRATION_STORE } from '../../src/server/preregistration-store.ts';
import { faultyProxy, type FaultyProxy } from '../support/faulty-proxy.ts';
import { testKeys, useKeys } from '../support/keys.ts';
import { applicant } from '../support/applicants.ts';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';

let blobs: LocalBlobs;
let proxy: FaultyProxy;

beforeAll(async () => {
  blobs = await startBlobs();
  proxy = await faultyProxy(blobs.url);
  useKeys(await testKeys());
});
afterAll(async () => {
  await proxy?.close();
  await blobs?.stop();
});
beforeEach(() => {
  proxy.fail(undefined);
  proxy.failed.length = 0;
});

const post = (body: unknown, lang = 'id') =>
  handlePreregistrations(new Request('http://localhost/api/preregistrations', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang }, body: JSON.stringify(body) }));

/** Keys in the store, by kind (records, nik, slots, idempotency). */
const stored = (kind: string) => storedKeys(blobs, PREREGISTRATION_STORE, `${kind}/`);

describe('a storage fault during a submission', () => {
  it.each([
    ['the record write', (m: string, p: string) => m === 'PUT' && p.includes('records/')],
    ['the slot booking', (m: string, p: string) => m === 'PUT' && p.includes('slots/')],
    ['the NIK index write', (m: string, p: string) => m === 'PUT' && p.includes('nik/')],
    ['every request', () => true],
  ])('fails at %s: 503, nothing kept, and the person can register afterwards', async (_name, rule) => {
    const person = applicant();
    const before = { records: stored('records').length, slots: stored('slots').length, nik: stored('nik').length };
    proxy.fail(rule);
    const response = await post(person);
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.message).toMatch(/belum tersimpan/);
    expect(proxy.failed.length).toBeGreaterThan(0);
    proxy.fail(undefined);
    expect(stored('records').length).toBe(before.records);
    expect(stored('slots').length).toBe(before.slots);
    expect(stored('nik').length).toBe(before.nik);
    const retry = await post(person);
    expect(retry.status, JSON.stringify(await retry.clone().json())).toBe(201);
  });

  it('answers in English for an English reader', async () => {
    proxy.fail(() => true);
    const response = await post(applicant(), 'en');
    expect(response.status).toBe(503);
    expect((await response.json()).message).toMatch(/has not been saved/);
  });
});
