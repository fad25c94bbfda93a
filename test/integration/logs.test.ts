/**
 * Failures are visible in the logs without personal data. Every console method and both output
 * streams are captured while the whole journey and its faults run through the real handlers and a
 * real Blobs server: JSON and form submissions, the confirmation page, status checks (right, wrong,
 * locked), duplicates, the per-NIK and per-phone limits, storage faults at each step, a lost
 * answer, bad configuration and an unexpected error. Then no NIK, name, phone number, birth date or
 * address may appear in what was written, and every 503 and 500 wrote exactly one line.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobsWithKeys, type LocalBlobs } from '../support/blobs.ts';
import { faultyProxy, type FaultyProxy } from '../support/faulty-proxy.ts';
import { useKeys, type TestKeys } from '../support/keys.ts';
import { jsonPost, ORIGIN } from '../support/http.ts';
import { captureOutput } from '../support/output-capture.ts';
import { applicant, asForm, openDays, type Applicant } from '../support/applicants.ts';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';
import { handleStatus } from '../../src/server/handlers/preregistration-status.ts';
import { handleDays } from '../../src/server/handlers/preregistration-days.ts';
import { handleConfirmation } from '../../src/server/handlers/preregistration-confirmation.ts';
import { guarded } from '../../src/server/http.ts';
import { addDays } from '../../src/lib/office-days.ts';
import { generateCode } from '../../src/lib/registration-code.ts';

let blobs: LocalBlobs;
let proxy: FaultyProxy;
let keys: TestKeys;

const captured: string[] = [];
let restoreOutput: (() => void) | undefined;

beforeAll(async () => {
  ({ blobs, keys } = await startBlobsWithKeys({ capacity: 2 }));
  proxy = await faultyProxy(blobs.url);
  restoreOutput = captureOutput(captured, {
    methods: ['log', 'error', 'warn', 'info', 'debug'],
    describeError: (a) => `${a.name}: ${a.message}\n${a.stack}`,
    chunkText: (chunk) => String(chunk),
  });
});
afterAll(async () => {
  restoreOutput?.();
  await proxy?.close();
  await blobs?.stop();
});

const form = (path: string, body: Record<string, unknown>) =>
  new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: asForm(body) });

/** Everyone whose data passes through, with every spelling of their values a log could hold. */
const people: Applicant[] = [];
function person(overrides: Partial<Applicant> = {}): Applicant {
  const p = applicant({ fullName: `Ratnasari ${String.fromCharCode(65 + people.length)} Wijayakusuma`, address: `Dusun Kembangjaya ${people.length} RT 04, Desa Sukamakmur`, ...overrides });
  people.push(p);
  return p;
}
function personalSpellings(p: Applicant): string[] {
  const digits = p.phone.replace(/\D/g, '');
  const [y, m, d] = p.birthDate.split('-');
  return [p.nik, p.nik.slice(0, 12), p.fullName, p.fullName.split(' ').at(-1)!, p.phone, digits, `+62${digits.slice(1)}`, `62${digits.slice(1)}`, p.birthDate, `${d}-${m}-${y}`, `${d}/${m}/${y}`, `${y}${m}${d}`, p.address, p.address.split(',')[0]!];
}

describe('logs during the journey and its faults', () => {
  it('hold no personal value, and every 503 and 500 is one line naming the operation and error class', async () => {
    const statuses: { status: number; what: string }[] = [];
    const run = async (what: string, response: Promise<Response>) => {
      const r = await response;
      await r.text();
      statuses.push({ status: r.status, what });
      return r;
    };

    // The journey: JSON, then the form journey, the confirmation page, status checks.
    const a = person();
    const created = await run('create', handlePreregistrations(jsonPost('/api/preregistrations', a)));
    expect(created.status).toBe(201);
    const b = person({ visitDate: openDays()[2]! });
    await run('review', handlePreregistrations(form('/api/preregistrations', { ...b, action: 'review' })));
    const confirmed = await run('confirm', handlePreregistrations(form('/api/preregistrations', { ...b, action: 'confirm', idempotencyKey: randomUUID() })));
    expect(confirmed.status).toBe(303);
    await run('confirmation page', handleConfirmation(new Request(new URL(confirmed.headers.get('location')!, ORIGIN))));
    const codeOfA = (await (await handlePreregistrations(jsonPost('/api/preregistrations', a))).json()) as { error: string };
    expect(codeOfA.error).toBe('duplicate');
    const lockedCode = generateCode();
    for (let i = 1; i <= 11; i++) await run('status (wrong)', handleStatus(jsonPost('/api/preregistrations/status', { code: lockedCode, birthDate: addDays(a.birthDate, i) })));
    await run('days', handleDays(new Request(`${ORIGIN}/api/preregistrations/days`)));

    // Limits: a sixth submission for one NIK; a fourth for one phone; a full day.
    for (let i = 0; i < 5; i++) await run('repeat', handlePreregistrations(jsonPost('/api/preregistrations', a)));
    const shared = person().phone;
    for (let i = 0; i < 4; i++) await run('shared phone', handlePreregistrations(jsonPost('/api/preregistrations', person({ phone: shared, visitDate: openDays()[i % 2]! }))));
    const day = openDays().at(-1)!;
    for (let i = 0; i < 3; i++) await run('full day', handlePreregistrations(jsonPost('/api/preregistrations', person({ visitDate: day }))));

    // Storage faults at each step, a lost answer, storage down for a form post (on days with room).
    process.env.PREREG_CAPACITY = '1000';
    const faults: [string, (m: string, p: string) => boolean][] = [
      ['records', (m, p) => m === 'PUT' && p.includes('/records/')],
      ['slots', (m, p) => m === 'PUT' && p.includes('/slots/')],
      ['nik', (m, p) => m === 'PUT' && p.includes('/nik/')],
      ['phone', (m, p) => m === 'PUT' && p.includes('/phone/')],
      ['limits', (m, p) => p.includes('abuse-limits')],
      ['everything', () => true],
    ];
    for (const [name, rule] of faults) {
      proxy.fail(rule);
      const r = await run(`fault ${name}`, handlePreregistrations(jsonPost('/api/preregistrations', person({ visitDate: openDays()[0]! }))));
      expect(r.status, name).toBe(503);
      proxy.fail(undefined);
    }
    proxy.fail(() => true);
    await run('fault form', handlePreregistrations(form('/api/preregistrations', { ...person(), action: 'confirm', idempotencyKey: randomUUID() })));
    await run('fault status', handleStatus(jsonPost('/api/preregistrations/status', { code: generateCode(), birthDate: a.birthDate })));
    proxy.fail(undefined);
    proxy.failAfter((m, p) => m === 'PUT' && p.includes('/records/'));
    proxy.fail((m, p) => m === 'GET' && p.includes('/records/'));
    await run('uncertain write', handlePreregistrations(jsonPost('/api/preregistrations', person({ visitDate: openDays()[0]! }), { 'idempotency-key': randomUUID() })));
    proxy.fail(undefined);
    proxy.failAfter(undefined);

    // Bad configuration, and an error nobody expected (its message even quotes a NIK).
    process.env.LTSA_SERVER_SECRET = 'broken';
    await run('bad config', handlePreregistrations(jsonPost('/api/preregistrations', person())));
    useKeys(keys);
    process.env.PREREG_CAPACITY = '1000';
    const c = person();
    await run('unexpected', guarded('preregistrations', async () => {
      throw new TypeError(`cannot read ${c.nik} of ${c.fullName}`);
    })(jsonPost('/api/preregistrations', c)));

    const text = captured.join('\n');
    for (const p of people) for (const value of personalSpellings(p)) expect(text.includes(value), `"${value}" in the logs`).toBe(false);

    const failures = statuses.filter((s) => s.status >= 500);
    expect(failures.map((f) => f.what)).toEqual(expect.arrayContaining(['fault form', 'fault status', 'uncertain write', 'bad config', 'unexpected']));
    const lines = captured.flatMap((c) => c.split('\n')).filter((l) => /^ltsa: 50[03] /.test(l));
    expect(lines).toHaveLength(failures.length);
    for (const line of lines) expect(line).toMatch(/^ltsa: (503|500) preregistrations(\.\w+)? \w+(\([^()]*\))?$/);
    expect(lines).toContain('ltsa: 503 preregistrations.create ConfigError(LTSA_SERVER_SECRET)');
    expect(lines).toContain('ltsa: 500 preregistrations TypeError');
    expect(lines.some((l) => l.startsWith('ltsa: 503 preregistrations.create StorageError('))).toBe(true);
  });
});
