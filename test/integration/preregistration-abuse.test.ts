/**
 * Pre-registration on the open internet, through the real handlers and a real local Blobs server
 * (behind a proxy that counts calls and injects faults): the status lockout, the per-NIK and
 * per-phone limits, answers that tell a prober nothing, cross-site posts, a rotated secret, bad
 * configuration, a lease overrun, writes whose answer was lost, and the daily cleanup.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBlobs, storedKeys as storedKeysIn, type LocalBlobs } from '../support/blobs.ts';
import { faultyProxy, type FaultyProxy } from '../support/faulty-proxy.ts';
import { testKeys, useKeys, type TestKeys } from '../support/keys.ts';
import { jsonPost, ORIGIN, readAnswer } from '../support/http.ts';
import { applicant, asForm, openDays, phoneFor } from '../support/applicants.ts';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';
import { handleStatus } from '../../src/server/handlers/preregistration-status.ts';
import { handleDays } from '../../src/server/handlers/preregistration-days.ts';
import { cleanUpPastData } from '../../src/server/handlers/preregistration-cleanup.ts';
import { loadConfig } from '../../src/server/config.ts';
import { HOLD_GIVE_UP_MS, IDEMPOTENCY_CLAIM_MS, PreregistrationService } from '../../src/server/preregistration-service.ts';
import { openStore, PREREGISTRATION_STORE, PreregistrationStore, type PreregistrationRecord } from '../../src/server/preregistration-store.ts';
import { ABUSE_LIMITS_STORE } from '../../src/server/abuse-limits.ts';
import { openScopedStore, scopedStoreName } from '../../src/server/storage.ts';
import { addDays, jakartaToday } from '../../src/lib/office-days.ts';
import { generateCode } from '../../src/lib/registration-code.ts';
import { generateOfficerKeyPair } from '../../src/server/personal-data.ts';

let blobs: LocalBlobs;
let proxy: FaultyProxy;
let keys: TestKeys;

beforeAll(async () => {
  blobs = await startBlobs();
  proxy = await faultyProxy(blobs.url);
  keys = await testKeys();
  useKeys(keys);
});
afterAll(async () => {
  await proxy?.close();
  await blobs?.stop();
});
beforeEach(() => {
  proxy.clearFaults();
  useKeys(keys);
  delete process.env.PREREG_CAPACITY;
});

const submit = async (body: unknown, headers: Record<string, string> = {}) => readAnswer(await handlePreregistrations(jsonPost('/api/preregistrations', body, headers)));
const checkStatus = async (code: string, birthDate: string, headers: Record<string, string> = {}) =>
  readAnswer(await handleStatus(jsonPost('/api/preregistrations/status', { code, birthDate }, headers)));
const stored = (prefix: string) => storedKeysIn(blobs, PREREGISTRATION_STORE, prefix);

/** A day no other test here books: each test that fills a day takes its own. */
const dayFor = (() => {
  let next = 2;
  return () => {
    const days = openDays();
    return days[next++ % days.length]!;
  };
})();

// ---------------------------------------------------------------- status lockout

describe('the status check locks a code after 10 wrong birth dates in 24 hours', () => {
  it('10 wrong answers are 404; then even the right birth date is 429 with Retry-After and a plain message', async () => {
    const a = applicant();
    const created = await submit(a);
    expect(created.status, created.text).toBe(201);
    const code = created.body.code as string;

    // The right answer before the lock does not count against the code.
    expect((await checkStatus(code, a.birthDate)).status).toBe(200);
    for (let i = 1; i <= 10; i++) {
      const wrong = await checkStatus(code, addDays(a.birthDate, i));
      expect(wrong.status, `wrong guess ${i}`).toBe(404);
    }
    const locked = await checkStatus(code, a.birthDate);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(23 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect(locked.body.error).toBe('locked');
    expect(locked.body.message).toMatch(/^Tanggal lahir salah dimasukkan terlalu sering untuk kode ini\..*Coba lagi setelah \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB, atau tanyakan ke kantor LTSA\.$/);
    const en = await checkStatus(code, a.birthDate, { 'accept-language': 'en' });
    expect(en.status).toBe(429);
    expect(en.body.message).toMatch(/Try again after \d{1,2} \w+ \d{4} at \d{2}:\d{2} WIB \(Jakarta time\), or ask the LTSA office\.$/);

    // The form page without JavaScript: 429, the message, and the typed values kept.
    const page = await handleStatus(new Request(`${ORIGIN}/api/preregistrations/status`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: asForm({ code, birthDate: a.birthDate }) }));
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
    const html = await page.text();
    expect(html).toContain('Pemeriksaan status dikunci sementara');
    expect(html).toContain(`value="${code}"`);
  });

  it('an unknown code locks the same way, and parallel guesses get no more than 10 tries', async () => {
    const code = generateCode();
    const guesses = await Promise.all(Array.from({ length: 25 }, (_, i) => checkStatus(code, addDays('1990-01-01', i))));
    const counts = guesses.reduce<Record<number, number>>((c, g) => ({ ...c, [g.status]: (c[g.status] ?? 0) + 1 }), {});
    expect(counts[404]).toBeLessThanOrEqual(10);
    expect((counts[404] ?? 0) + (counts[429] ?? 0)).toBe(25);
    expect((await checkStatus(code, '1990-01-01')).status).toBe(429);
  });

  it('a lock on one code leaves other codes alone', async () => {
    const a = applicant();
    const created = await submit(a);
    expect((await checkStatus(created.body.code, a.birthDate)).status).toBe(200);
  });
});

// ---------------------------------------------------------------- no probing

describe('a registered NIK tells a prober nothing', () => {
  it('on a full day, a registered NIK and a new NIK get the same "full" answer', async () => {
    process.env.PREREG_CAPACITY = '2';
    const registered = applicant({ visitDate: openDays()[0]! });
    expect((await submit(registered)).status).toBe(201);
    const day = dayFor();
    for (let i = 0; i < 2; i++) expect((await submit(applicant({ visitDate: day }))).status).toBe(201);

    const fromRegistered = await submit({ ...registered, visitDate: day });
    const fromNew = await submit(applicant({ visitDate: day }));
    expect(fromRegistered.status).toBe(422);
    expect(fromRegistered.text).toBe(fromNew.text);
    expect(Object.keys(fromRegistered.body.errors)).toEqual(['visitDate']);
  });

  it('on an open day, a registered NIK gets one 409 whatever the other answers, naming no day, code or regency', async () => {
    const registered = applicant({ regency: '1871' });
    const created = await submit(registered);
    expect(created.status).toBe(201);
    const variants = [
      { ...registered },
      { ...registered, visitDate: openDays()[0]!, phone: phoneFor(), fullName: 'Orang Lain', regency: '1804', destinationCountry: 'korea-selatan' },
      { ...registered, address: 'Jalan Lain Nomor 9, Desa Lain, Kecamatan Lain', scheme: 'g-to-g', hasPassport: true },
    ];
    const answers = await Promise.all(variants.map((v) => submit(v)));
    for (const a of answers) expect(a.status).toBe(409);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const text = answers[0]!.text;
    expect(text).not.toContain(created.body.code);
    expect(text).not.toContain(registered.visitDate);
    expect(text).not.toMatch(/1871|Bandar Lampung/);
  });
});

// ---------------------------------------------------------------- per-NIK and per-phone limits

describe('one NIK gets at most 5 submissions a day', () => {
  it('the sixth is 429 with Retry-After, in JSON and on the form page, which keeps every answer', async () => {
    const a = applicant();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await submit({ ...a, visitDate: openDays()[i % 3]! })).status);
    expect(answers).toEqual([201, 409, 409, 409, 409]);
    const sixth = await submit(a);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error).toBe('too-many-submissions');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
    expect(sixth.body.message).toMatch(/^NIK ini sudah dipakai untuk mengirim pendaftaran 5 kali dalam 24 jam\..*Coba lagi setelah .* WIB\.$/);

    const form = await handlePreregistrations(
      new Request(`${ORIGIN}/api/preregistrations`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: asForm({ ...a, action: 'confirm', idempotencyKey: randomUUID() }) }),
    );
    expect(form.status).toBe(429);
    expect(form.headers.get('retry-after')).toMatch(/^\d+$/);
    const html = await form.text();
    expect(html).toContain('Terlalu banyak pengiriman untuk NIK ini');
    expect(html).toContain(`value="${a.fullName}"`);
    expect(html).toContain(`value="${a.nik}"`);
  });
});

describe('one phone number holds at most 3 active pre-registrations', () => {
  it('a fourth is refused on the phone field, in both languages; a cancelled one frees its share', async () => {
    const phone = phoneFor();
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await submit(applicant({ phone }));
      expect(r.status, r.text).toBe(201);
      codes.push(r.body.code);
    }
    const fourth = await submit(applicant({ phone }));
    expect(fourth.status).toBe(422);
    expect(Object.keys(fourth.body.errors)).toEqual(['phone']);
    expect(fourth.body.errors.phone).toMatch(/sudah dipakai untuk 3 pendaftaran/);
    const en = await submit(applicant({ phone, birthDate: '1995-05-05' }), { 'accept-language': 'en' });
    expect(en.body.errors.phone).toMatch(/already used for 3/);
    // The refused applicants hold no NIK: they can register with another number.
    expect((await submit(applicant({ phone: phoneFor() }))).status).toBe(201);

    // An officer cancels one (the console does this through the store; here the record is changed directly).
    const store = new PreregistrationStore();
    const record = (await store.getRecord(codes[0]!))!;
    await openStore().setJSON(`records/${record.code}`, { ...record, status: 'cancelled' } satisfies PreregistrationRecord);
    expect((await submit(applicant({ phone }))).status).toBe(201);
  });
});

// ---------------------------------------------------------------- cross-site posts

describe('cross-site posts are refused with 403 and store nothing', () => {
  const cases: [string, Record<string, string>][] = [
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', origin: 'https://preview--ltsa.netlify.app' }],
    ['another Origin', { origin: 'https://evil.example' }],
    ['Origin: null from a sandboxed frame elsewhere', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
    ['another Origin, even claiming same-origin', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }],
  ];
  it.each(cases)('%s', async (_name, headers) => {
    const before = stored('records/').length;
    const a = applicant();
    const json = await submit(a, headers);
    expect(json.status).toBe(403);
    expect(json.body.error).toBe('cross-site');
    expect(json.headers.get('cache-control')).toBe('no-store');
    const form = await handlePreregistrations(
      new Request(`${ORIGIN}/api/preregistrations`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: asForm({ ...a, action: 'confirm' }) }),
    );
    expect(form.status).toBe(403);
    expect((await checkStatus(generateCode(), '1990-01-01', headers)).status).toBe(403);
    expect(stored('records/').length).toBe(before);
  });

  it('the site itself (same-origin, or no browser headers) passes', async () => {
    expect((await submit(applicant(), { origin: ORIGIN, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    // What Chromium sends for a form on our own page under Referrer-Policy: no-referrer.
    expect((await submit(applicant(), { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await submit(applicant(), { 'sec-fetch-site': 'none' })).status).toBe(201);
    expect((await submit(applicant())).status).toBe(201);
  });
});

// ---------------------------------------------------------------- rotated secret

describe('the server secret can be rotated', () => {
  it('records made under v1 keep their status check and their NIK under "v2,v1"; new ones use v2', async () => {
    const v1 = keys.env.LTSA_SERVER_SECRET!;
    const a = applicant();
    const created = await submit(a);
    expect(created.status).toBe(201);
    const token = new URL(created.body.confirmationUrl, ORIGIN).searchParams.get('t')!;
    expect(token.startsWith('v1.')).toBe(true);

    const v2 = randomBytes(32).toString('base64');
    process.env.LTSA_SERVER_SECRET = `v2:${v2},v1:${v1}`;
    expect((await checkStatus(created.body.code, a.birthDate)).status).toBe(200);
    expect((await submit({ ...a, visitDate: openDays()[0]! })).status).toBe(409);
    const b = applicant();
    const newer = await submit(b);
    expect(newer.status).toBe(201);
    expect(new URL(newer.body.confirmationUrl, ORIGIN).searchParams.get('t')!.startsWith('v2.')).toBe(true);
    const record = await new PreregistrationStore().getRecord(newer.body.code);
    expect(record!.statusCheck.startsWith('v2.')).toBe(true);
    expect(record!.nikKey.startsWith('v2.')).toBe(true);
    expect((await checkStatus(newer.body.code, b.birthDate)).status).toBe(200);

    // Once v1 is removed, what it made can no longer be checked: the README says to wait until those records have ended.
    process.env.LTSA_SERVER_SECRET = `v2:${v2}`;
    expect((await checkStatus(created.body.code, a.birthDate)).status).toBe(404);
    expect((await checkStatus(newer.body.code, b.birthDate)).status).toBe(200);
  });
});

// ---------------------------------------------------------------- bad configuration

describe('a bad configuration is a 503 and one log line naming the variable', () => {
  const zeroKey = Buffer.alloc(32).toString('base64');
  const good = () => keys.env;
  const cases: [string, () => Record<string, string | undefined>, string][] = [
    ['no secret', () => ({ ...good(), LTSA_SERVER_SECRET: undefined }), 'LTSA_SERVER_SECRET'],
    ['a secret that is not base64', () => ({ ...good(), LTSA_SERVER_SECRET: 'not base64 at all!!' }), 'LTSA_SERVER_SECRET'],
    ['a secret that does not round-trip (cut short)', () => ({ ...good(), LTSA_SERVER_SECRET: good().LTSA_SERVER_SECRET!.slice(0, -3) }), 'LTSA_SERVER_SECRET'],
    ['a short secret', () => ({ ...good(), LTSA_SERVER_SECRET: randomBytes(16).toString('base64') }), 'LTSA_SERVER_SECRET'],
    ['a version twice', () => ({ ...good(), LTSA_SERVER_SECRET: `v1:${good().LTSA_SERVER_SECRET},v1:${randomBytes(32).toString('base64')}` }), 'LTSA_SERVER_SECRET'],
    ['no officer keys', () => ({ ...good(), OFFICER_PUBLIC_KEYS: undefined }), 'OFFICER_PUBLIC_KEYS'],
    ['an officer key that is not base64', () => ({ ...good(), OFFICER_PUBLIC_KEYS: 'a:%%%' }), 'OFFICER_PUBLIC_KEYS'],
    ['an officer key that cannot be sealed to', () => ({ ...good(), OFFICER_PUBLIC_KEYS: `zero:${zeroKey}` }), 'OFFICER_PUBLIC_KEYS'],
    ['an officer id twice', () => ({ ...good(), OFFICER_PUBLIC_KEYS: `${good().OFFICER_PUBLIC_KEYS},${good().OFFICER_PUBLIC_KEYS}` }), 'OFFICER_PUBLIC_KEYS'],
    ['a bad capacity', () => ({ ...good(), PREREG_CAPACITY: 'lots' }), 'PREREG_CAPACITY'],
  ];

  it.each(cases)('%s', async (_name, env, variable) => {
    const saved = { ...process.env };
    for (const [k, v] of Object.entries(env())) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(loadConfig()).rejects.toMatchObject({ variable });
      errors.mockClear();
      const created = await submit(applicant());
      expect(created.status).toBe(503);
      expect(errors.mock.calls.map((c) => c.join(' '))).toEqual([`ltsa: 503 preregistrations.create ConfigError(${variable})`]);
      errors.mockClear();
      expect((await checkStatus(generateCode(), '1990-01-01')).status).toBe(503);
      expect((await readAnswer(await handleDays(new Request(`${ORIGIN}/api/preregistrations/days`)))).status).toBe(503);
      expect(errors.mock.calls.map((c) => c.join(' '))).toEqual([
        `ltsa: 503 preregistrations.status ConfigError(${variable})`,
        `ltsa: 503 preregistrations.days ConfigError(${variable})`,
      ]);
    } finally {
      errors.mockRestore();
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it('two officers with their own keys are accepted', async () => {
    const other = await generateOfficerKeyPair();
    process.env.OFFICER_PUBLIC_KEYS = `${keys.env.OFFICER_PUBLIC_KEYS},second-officer:${other.publicKey}`;
    expect((await loadConfig()).officerKeys.map((k) => k.id)).toEqual(['test-officer', 'second-officer']);
  });
});

// ---------------------------------------------------------------- faults and time

/** The real store, with time jumping forward once a place is taken: as if the request stalled there. */
class StallingStore extends PreregistrationStore {
  private readonly stall: () => void;
  constructor(stall: () => void) {
    super();
    this.stall = stall;
  }
  override async takeSlot(...args: Parameters<PreregistrationStore['takeSlot']>) {
    const taken = await super.takeSlot(...args);
    if (taken) this.stall();
    return taken;
  }
}

describe('correct under faults and time', () => {
  it('a request that held its place longer than half the lease gives up before writing, and gives everything back', async () => {
    const config = await loadConfig();
    let offset = 0;
    const clock = () => new Date(Date.now() + offset);
    const service = new PreregistrationService(config, { store: new StallingStore(() => (offset += HOLD_GIVE_UP_MS + 1000)), clock });
    const a = applicant({ visitDate: dayFor() });
    const before = { records: stored('records/').length, slots: stored(`slots/${a.visitDate}/`).length, nik: stored('nik/').length };
    await expect(service.create(a)).rejects.toMatchObject({ name: 'HoldExpired' });
    expect(stored('records/').length).toBe(before.records);
    expect(stored(`slots/${a.visitDate}/`).length).toBe(before.slots);
    expect(stored('nik/').length).toBe(before.nik);
    expect((await submit(a)).status).toBe(201);
  });

  it('a record write whose answer was lost is found, not undone: 201, and the record has its place and NIK entry', async () => {
    const a = applicant({ visitDate: dayFor() });
    proxy.failAfter((method, path) => method === 'PUT' && path.includes('/records/'));
    const created = await submit(a);
    proxy.failAfter(undefined);
    expect(created.status, created.text).toBe(201);
    const code = created.body.code as string;
    expect(proxy.failed.some((f) => f.includes(`records/${code}`))).toBe(true);
    const store = new PreregistrationStore();
    const slots = await store.daySlots(a.visitDate);
    const holders = await Promise.all(slots.map((s) => store.readLease(s.key)));
    expect(holders.filter((h) => h?.code === code)).toHaveLength(1);
    expect((await submit({ ...a, visitDate: openDays()[0]! })).status).toBe(409);
    expect((await checkStatus(code, a.birthDate)).status).toBe(200);
  });

  it('when neither the write nor the check answers, nothing is undone; a retry with the key finds the record', async () => {
    const a = applicant({ visitDate: dayFor() });
    const key = randomUUID();
    proxy.failAfter((method, path) => method === 'PUT' && path.includes('/records/'));
    proxy.fail((method, path) => method === 'GET' && path.includes('/records/'));
    const failed = await submit(a, { 'idempotency-key': key });
    proxy.fail(undefined);
    proxy.failAfter(undefined);
    expect(failed.status).toBe(503);
    // The record landed and keeps its holds: never a record without its place and NIK.
    const records = stored('records/');
    const store = new PreregistrationStore();
    const mine = (await Promise.all(records.map((k) => store.getRecord(k.slice('records/'.length))))).filter((r) => r?.visitDate === a.visitDate);
    expect(mine).toHaveLength(1);
    const code = mine[0]!.code;
    const holders = await Promise.all((await store.daySlots(a.visitDate)).map((s) => store.readLease(s.key)));
    expect(holders.filter((h) => h?.code === code)).toHaveLength(1);

    // Once the first request's claim has been abandoned long enough, the retry gets that record's answer.
    const later = new PreregistrationService(await loadConfig(), { clock: () => new Date(Date.now() + IDEMPOTENCY_CLAIM_MS + 1000) });
    const retried = await later.create(a, key);
    expect(retried).toMatchObject({ kind: 'created', replayed: true, answer: { code, visitDate: a.visitDate } });
  });

  it('idempotency answers expire after a day', async () => {
    const a = applicant({ visitDate: openDays().at(-2)! });
    const key = randomUUID();
    const first = await submit(a, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect((await submit(a, { 'idempotency-key': key })).headers.get('idempotent-replayed')).toBe('true');
    const dayLater = new PreregistrationService(await loadConfig(), { clock: () => new Date(Date.now() + 25 * 3600_000) });
    // A day later the key is new again: the same NIK now meets its own active pre-registration.
    expect((await dayLater.create(a, key)).kind).toBe('duplicate');
  });
});

// ---------------------------------------------------------------- scale

describe('storage calls stay bounded', () => {
  it('availability lists only the months of the booking window, whatever lies in the past', async () => {
    const store = openStore();
    await Promise.all(Array.from({ length: 60 }, (_, i) => store.setJSON(`slots/2025-0${1 + (i % 9)}-1${i % 10}/${String(i).padStart(4, '0')}`, { code: 'LPG-OLD0-0000', at: 0 })));
    proxy.seen.length = 0;
    const days = await readAnswer(await handleDays(new Request(`${ORIGIN}/api/preregistrations/days`)));
    expect(days.status).toBe(200);
    const listings = proxy.seen.filter((s) => s.startsWith('GET') && s.includes('prefix='));
    const months = new Set(openDays().map((d) => d.slice(0, 7)));
    expect(listings.length).toBeLessThanOrEqual(months.size);
    for (const l of listings) expect([...months].some((m) => l.includes(`prefix=slots/${m}-`)), l).toBe(true);
  });

  it('a full day refuses with a few storage calls and no NIK work', async () => {
    process.env.PREREG_CAPACITY = '3';
    const day = dayFor();
    for (let i = 0; i < 3; i++) expect((await submit(applicant({ visitDate: day }))).status).toBe(201);
    expect((await submit(applicant({ visitDate: day }))).status).toBe(422); // learns the day is full
    proxy.seen.length = 0;
    const refused = await submit(applicant({ visitDate: day }));
    expect(refused.status).toBe(422);
    expect(proxy.seen.some((s) => s.includes('/nik/') || s.includes('/phone/') || s.includes(ABUSE_LIMITS_STORE))).toBe(false);
    expect(proxy.seen.length).toBeLessThanOrEqual(3);
  });
});

describe('the daily cleanup', () => {
  it('removes slot holds of past days, expired idempotency entries and old limit counters, and keeps the rest', async () => {
    const today = jakartaToday();
    const store = openStore();
    const limits = openScopedStore(ABUSE_LIMITS_STORE);
    const past = [addDays(today, -1), addDays(today, -40)];
    for (const day of past) for (let n = 1; n <= 3; n++) await store.setJSON(`slots/${day}/${String(n).padStart(4, '0')}`, { code: 'LPG-PAST-0000', at: 0 });
    await store.setJSON(`idempotency/${addDays(today, -2)}/v1.old`, { state: 'pending', fingerprint: 'x', at: 0, code: 'LPG-PAST-0000' });
    await store.setJSON(`idempotency/${addDays(today, -1)}/v1.recent`, { state: 'pending', fingerprint: 'x', at: Date.now(), code: 'LPG-PAST-0000' });
    await limits.setJSON(`nik-submissions/${addDays(today, -3)}/v1.old`, { hits: [0] });
    await limits.setJSON(`nik-submissions/${addDays(today, -1)}/v1.recent`, { hits: [Date.now()] });
    const futureBefore = stored(`slots/${openDays()[0]}/`).length + stored(`slots/${openDays().at(-1)}/`).length;

    const report = await cleanUpPastData();
    expect(report.slots).toBeGreaterThanOrEqual(6);
    for (const day of past) expect(stored(`slots/${day}/`)).toHaveLength(0);
    expect(stored(`slots/${openDays()[0]}/`).length + stored(`slots/${openDays().at(-1)}/`).length).toBe(futureBefore);
    expect(stored(`idempotency/${addDays(today, -2)}/`)).toHaveLength(0);
    expect(stored(`idempotency/${addDays(today, -1)}/`)).toHaveLength(1);
    expect(storedKeysIn(blobs, ABUSE_LIMITS_STORE, `nik-submissions/${addDays(today, -3)}/`)).toHaveLength(0);
    expect(storedKeysIn(blobs, ABUSE_LIMITS_STORE, `nik-submissions/${addDays(today, -1)}/`)).toHaveLength(1);
  });
});

describe('deploy contexts', () => {
  it('production keeps the plain store names; previews and branch deploys get their own', async () => {
    expect(scopedStoreName(PREREGISTRATION_STORE, 'production')).toBe('preregistrations');
    expect(scopedStoreName(PREREGISTRATION_STORE, 'deploy-preview')).toBe('preregistrations--deploy-preview');
    expect(scopedStoreName(PREREGISTRATION_STORE, 'branch-deploy')).toBe('preregistrations--branch-deploy');
    const a = applicant();
    const preview = await readAnswer(await handlePreregistrations(jsonPost('/api/preregistrations', a), { deploy: { context: 'deploy-preview' } }));
    expect(preview.status).toBe(201);
    expect(storedKeysIn(blobs, 'preregistrations--deploy-preview', `records/${preview.body.code}`)).toHaveLength(1);
    expect(stored(`records/${preview.body.code}`)).toHaveLength(0);
    // Production never sees the preview's NIK.
    expect((await submit(a)).status).toBe(201);
  });
});
