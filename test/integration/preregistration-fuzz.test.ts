/**
 * Property-based tests of the pre-registration and status handlers with arbitrary bodies: random
 * values under the real field names (strings of any Unicode, numbers, booleans, null, arrays,
 * nested objects, huge strings), in JSON, urlencoded or multipart, or as raw bytes under a random
 * content type. Whatever arrives, the answer is never a 5xx, it is JSON or HTML with the right
 * content type, and nothing is stored: every generated submission is invalid by construction
 * (consent is never given), so records/ must stay empty.
 *
 * A failure prints fast-check's seed and path; rerun with FC_SEED=<seed> to reproduce it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startBlobs, type LocalBlobs } from '../support/blobs.ts';
import { testKeys, useKeys } from '../support/keys.ts';
import { applicant } from '../support/applicants.ts';
import { expectSafeAnswerText, formString, fuzzValues, type FuzzRequestOf } from '../support/fuzz.ts';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';
import { handleStatus } from '../../src/server/handlers/preregistration-status.ts';
import { PREREGISTRATION_STORE } from '../../src/server/preregistration-store.ts';
import { PREREGISTRATION_FIELDS } from '../../src/schemas/forms/preregistration.ts';
import { CODE_ALPHABET, checkCharacter, normalizeCode } from '../../src/lib/registration-code.ts';

const ORIGIN = 'http://localhost';
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);

let blobs: LocalBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
  useKeys(await testKeys());
  console.info(`fast-check seed ${SEED} (rerun with FC_SEED=${SEED})`);
});
afterAll(async () => blobs?.stop());

function storedKeys(): string[] {
  const marker = `/entries/ltsa-test/site:${PREREGISTRATION_STORE}/`;
  return blobs
    .files()
    .map((f) => f.path.split(marker)[1])
    .filter((key): key is string => key !== undefined);
}

// ---------------------------------------------------------------- arbitraries

/** Values that look right for some field, so the rules past the first checks run too. */
const plausible = fc.constantFrom(
  '1804015708990001', '1804 0157 0899 0002', '18040157089900', '1804013208990001', '1804015708990000',
  '1999-08-17', '2000-02-29', '1999-02-29', '9999-12-31', '0000-01-01', '2026-13-01',
  'L', 'P', 'X', '0812 3456 7890', '+6281234567890', '62812', '1804', '1899', '3201',
  'malaysia', 'arab-saudi', 'korea-selatan', 'atlantis', '__proto__', 'constructor',
  'rumah-tangga', 'pengasuh', 'manufaktur', 'p-to-p', 'belum-tahu', 'sma', 'kawin',
  'ya', 'tidak', 'on', 'true', 'false', '', ' ', 'edit:address', 'edit:(', 'confirm', 'review', 'en', 'id',
  'LPG-7K3M-9QX1', 'lpg 7k3m 9qx1', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '$&$1$`', '\u0000', '\ud800', '😀‍👩‍👧',
);

const { text, value } = fuzzValues({
  plausible,
  plausibleWeight: 4,
  hugeCharacters: ['a', 'é', '😀', '<', '&', '"', '\u202e', '9'],
  hugeMaxLength: 5_000,
  textWeight: 6,
  fieldNames: PREREGISTRATION_FIELDS,
});

const FIELD_NAMES = [...PREREGISTRATION_FIELDS.filter((f) => f !== 'consent'), 'confirmNikMismatch', 'lang', 'action', 'idempotencyKey'] as const;

/** Never a given consent: missing, or a value that yesNo() does not read as "yes". */
// Not 1 nor "1": a form sends both as "1", which reads as yes.
const notConsent = fc.option(fc.constantFrom<unknown>(false, 'tidak', 'no', '0', 'false', 0, null, [], {}, [true], 'yes please', ''), { nil: undefined });

/** The form's buttons, and "Change" buttons naming anything at all (the target reaches a pattern). */
const action = fc.option(
  fc.oneof(
    fc.constantFrom('review', 'confirm', 'edit:address', 'edit:visitDate', 'edit'),
    fc.string({ unit: 'binary-ascii', maxLength: 12 }).map((target) => `edit:${target}`),
    value,
  ),
  { nil: undefined },
);

/** A body: a valid applicant with random fields replaced, or a random object; consent never given. */
const body = fc
  .tuple(
    fc.boolean(),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { maxKeys: FIELD_NAMES.length }),
    fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 3 }),
    notConsent,
    action,
  )
  .map(([fromApplicant, fields, extra, consent, button]) => {
    const { consent: _given, ...base } = applicant();
    const out: Record<string, unknown> = { ...(fromApplicant ? base : {}), ...extra, ...fields };
    delete out.consent;
    if (consent !== undefined) out.consent = consent;
    if (button !== undefined) out.action = button;
    return out;
  });

type Encoding = 'json' | 'urlencoded' | 'multipart' | 'raw';

async function encode(data: Record<string, unknown>, encoding: Encoding, rawType: string, raw: Uint8Array): Promise<{ body: BodyInit; type?: string }> {
  switch (encoding) {
    case 'json':
      return { body: JSON.stringify(data), type: rawType.startsWith('application/json') ? rawType : 'application/json' };
    case 'urlencoded': {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(data)) params.append(k, formString(v));
      return { body: params.toString(), type: 'application/x-www-form-urlencoded' };
    }
    case 'multipart': {
      const form = new FormData();
      for (const [k, v] of Object.entries(data)) form.append(k, formString(v));
      form.append('lampiran', new Blob([raw as BlobPart]), 'berkas.bin');
      // Serialised first: a FormData body is streamed by undici, which enqueues after the handler cancels an oversized body.
      const serialised = new Response(form);
      return { body: new Uint8Array(await serialised.arrayBuffer()), type: serialised.headers.get('content-type')! };
    }
    case 'raw':
      return { body: raw as Uint8Array<ArrayBuffer>, type: rawType };
  }
}

interface FuzzRequest extends FuzzRequestOf<Encoding> {
  idempotencyKey: string | undefined;
}

const request: fc.Arbitrary<FuzzRequest> = fc.record({
  data: body,
  encoding: fc.constantFrom<Encoding>('json', 'json', 'urlencoded', 'urlencoded', 'multipart', 'raw'),
  rawType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain', '', 'application/xml'),
  raw: fc.uint8Array({ maxLength: 300 }),
  accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*'),
  acceptLanguage: fc.constantFrom(undefined, 'en', 'id', 'en-US,en;q=0.9', 'xx', ''),
  idempotencyKey: fc.option(fc.string({ maxLength: 250 }), { nil: undefined }),
});

async function toRequest(path: string, r: FuzzRequest): Promise<Request> {
  const encoded = await encode(r.data, r.encoding, r.rawType, r.raw);
  const headers = new Headers();
  if (encoded.type !== undefined) headers.set('content-type', encoded.type);
  if (r.accept) headers.set('accept', r.accept);
  if (r.acceptLanguage !== undefined) headers.set('accept-language', r.acceptLanguage);
  if (r.idempotencyKey !== undefined) {
    try {
      headers.set('idempotency-key', r.idempotencyKey);
    } catch {
      // Not a valid header value: a client could not send it either.
    }
  }
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers, body: encoded.body });
}

/** The answer is a 4xx or a page, never a 5xx, and its body matches its content type. */
async function expectSafeAnswer(response: Response, allowed: readonly number[]) {
  expectSafeAnswerText(response, await response.text(), allowed, { doctypes: ['<!doctype html>', '<!DOCTYPE html>'] });
}

const RUNS = { preregistrations: 1_500, status: 500 };

describe('fuzzing the handlers', () => {
  it(`POST /api/preregistrations: ${RUNS.preregistrations} arbitrary bodies never give a 5xx nor store anything`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const response = await handlePreregistrations(await toRequest('/api/preregistrations', r));
        // 200 is a form page again (review or "change"); 201 and 303 would mean a stored record.
        await expectSafeAnswer(response, [200, 400, 413, 415, 422]);
      }),
      { seed: SEED, numRuns: RUNS.preregistrations },
    );
    expect(storedKeys().filter((k) => k.startsWith('records/'))).toEqual([]);
    // Nor a NIK index entry, slot or idempotency key left behind.
    expect(storedKeys()).toEqual([]);
  });

  it(`POST /api/preregistrations/status: ${RUNS.status} arbitrary queries never give a 5xx`, async () => {
    // Well-formed codes (right check character) from the seed, as typed and as people type them.
    const wellFormed = fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: 7, maxLength: 7 }).map((chars) => {
      const payload = chars.join('');
      return `LPG-${payload.slice(0, 4)}-${payload.slice(4)}${checkCharacter(payload)}`;
    });
    for (const sample of fc.sample(wellFormed, { numRuns: 20, seed: SEED })) expect(normalizeCode(sample)).toBe(sample);
    const code = fc.oneof(text, wellFormed, wellFormed.map((c) => c.toLowerCase().replaceAll('-', ' ')));
    const query = fc.record({ code, birthDate: fc.oneof(text, fc.constantFrom('1999-08-17', '2000-02-29')) }, { requiredKeys: [] });
    const statusRequest = request.chain((r) => query.map((q) => ({ ...r, data: { ...r.data, ...q } })));
    await fc.assert(
      fc.asyncProperty(statusRequest, async (r) => {
        const response = await handleStatus(await toRequest('/api/preregistrations/status', r));
        // Nothing is stored, so no code can be found.
        await expectSafeAnswer(response, [400, 404, 413, 415, 422]);
      }),
      { seed: SEED + 1, numRuns: RUNS.status },
    );
    expect(storedKeys()).toEqual([]);
  });
});
