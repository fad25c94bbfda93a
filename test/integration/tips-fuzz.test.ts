/**
 * Property-based tests of the three tip endpoints that take posts, through the real handlers and a real
 * local Blobs server: arbitrary JSON, urlencoded and raw bodies under the form's field names; arbitrary
 * multipart bodies written by hand (random fields, file parts with random bytes, names and types, random
 * boundaries, truncated bodies); mutations of a valid sealed report and of a valid sealed follow-up
 * (wrong base64, wrong lengths, extra fields, huge arrays, wrong purposes, missing parts, other officers);
 * and arbitrary receipts on /api/tips/status and /api/tips/messages — most of them impossible (422
 * before any slow hash), a few hundred well-formed, a few the receipt of a real tip.
 *
 * Whatever arrives: never a 5xx, an answer whose body matches its content type and is never cached, no
 * markup from the request unescaped; a head is stored exactly when the answer is 201 (counted on disk
 * around every request); follow-ups land on the real tip exactly as often as they were answered 201;
 * and every stored file is named by its tip.
 *
 * A failure prints fast-check's seed and path; rerun with FC_SEED=<seed> to reproduce it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startBlobs, storedKeys, type LocalBlobs } from '../support/blobs.ts';
import { testKeys, useKeys, type TestKeys } from '../support/keys.ts';
import { jpegWithGps, readHead, tipsStore } from '../support/tips.ts';
import { expectSafeAnswerText, formString, fuzzValues, type FuzzRequestOf } from '../support/fuzz.ts';
import { handleTips } from '../../src/server/handlers/tips.ts';
import { handleTipStatus } from '../../src/server/handlers/tip-status.ts';
import { handleTipMessages } from '../../src/server/handlers/tip-messages.ts';
import { TIPS_STORE, TipStore } from '../../src/server/tip-store.ts';
import { TIP_FIELDS } from '../../src/schemas/forms/tip.ts';
import { CODE_ALPHABET, checkCharacter } from '../../src/lib/check-code.ts';
import { normalizeReceipt } from '../../src/lib/receipt.ts';
import { newSealId } from '../../src/lib/sealing.ts';
import { sealEvidence, sealFollowUp, sealReport } from '../../src/lib/tip-sealing.ts';
import { jakartaToday } from '../../src/lib/office-days.ts';

const ORIGIN = 'http://localhost';
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
const RUNS = { json: 1_200, multipart: 800, sealed: 400, status: 800, messages: 700, sealedFollowUp: 300 };

let blobs: LocalBlobs;
let keys: TestKeys;
/** A real tip, whose receipt some generated requests use. */
let realReceipt = '';
let jpeg: Uint8Array;
let png: Uint8Array;
/** Valid sealed reports (no file, one file, three files) and a valid sealed follow-up, to mutate. */
let sealedReports: Record<string, unknown>[] = [];
let sealedFollowUp: Record<string, unknown>;

beforeAll(async () => {
  blobs = await startBlobs();
  keys = await testKeys();
  useKeys(keys);
  console.info(`fast-check seed ${SEED} (rerun with FC_SEED=${SEED})`);
  jpeg = await jpegWithGps();
  png = new Uint8Array(await (await import('sharp')).default({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).png().toBuffer());
  const officers = [{ id: keys.officer.id, publicKey: keys.officer.publicKey }];
  for (const count of [0, 1, 3]) {
    const sealId = newSealId();
    const files = Array.from({ length: count }, (_, i) => ({ name: `bukti-${i + 1}.jpg`, type: 'image/jpeg', size: jpeg.length }));
    const report = await sealReport({ category: 'calo', what: 'Calo meminta uang jalan sepuluh juta.', childInvolved: 'tidak', contactWanted: false, files }, officers, sealId);
    const boxes = await Promise.all(files.map(() => sealEvidence(jpeg, officers, sealId)));
    sealedReports.push({ lang: 'id', sealed: { sealId, category: 'calo', childInvolved: 'tidak', report, ...(count ? { files: boxes } : {}) } });
  }
  const created = await handleTips(new Request(`${ORIGIN}/api/tips`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sealedReports[0]) }));
  expect(created.status).toBe(201);
  realReceipt = (await created.json()).receipt;
  const sealId = newSealId();
  sealedFollowUp = { receipt: realReceipt, sealed: { sealId, message: await sealFollowUp({ message: 'Ada kabar baru.', files: [{ name: 'bukti-1.jpg', type: 'image/jpeg', size: jpeg.length }] }, officers, sealId), files: [await sealEvidence(jpeg, officers, sealId)] } };
});
afterAll(async () => blobs?.stop());

// ---------------------------------------------------------------- the store, on disk

const tipsDirectory = () => join(blobs.directory, 'entries', 'ltsa-test', `site:${TIPS_STORE}`);
const count = (path: string) => {
  try {
    return readdirSync(path).length;
  } catch {
    return 0;
  }
};
/** Heads in the tips store, read from the server's folder (cheap enough for every request). */
const heads = () => count(join(tipsDirectory(), 'tips'));

// ---------------------------------------------------------------- arbitraries

const thisYear = Number(jakartaToday().slice(0, 4));

/** Values that look right for some field, so the rules past the first checks run too. */
const plausible = fc.constantFrom<string>(
  'calo', 'penampungan', 'dokumen-palsu', 'lainnya', 'penipuan', 'ya', 'tidak', 'tidak-tahu', 'on', 'true', '1', 'yes', 'no', '', ' ',
  '1804', '1871', '9999', 'luar-negeri', 'luar-lampung', 'malaysia', 'arab-saudi', 'atlantis', '2-5', 'lebih-20', '7',
  '3', '12', '13', '0', String(thisYear), String(thisYear + 1), String(thisYear - 15), String(thisYear - 16), 'sebelumnya',
  'Calo meminta uang jalan sepuluh juta.', 'Seorang calo datang ke desa kami.\r\nDia meminta KTP.', '0812 3456 7890', 'pelapor@example.org',
  'en', 'id', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '$&$1$`', '\u202e', '\u0000', '\ud800', '😀‍👩‍👧', '__proto__', 'constructor',
);

const { text, value } = fuzzValues({
  plausible,
  plausibleWeight: 5,
  hugeCharacters: ['a', 'é', '😀', '<', '&', '"', '\u202e', '9', '\n'],
  hugeMaxLength: 6_000,
  textWeight: 8,
  fieldNames: TIP_FIELDS,
});

const FIELD_NAMES = [...TIP_FIELDS, 'lang', 'website', 'sealed', 'receipt', 'message'] as const;

/** A valid report, as a form sends it: the fuzzed fields are laid over it half the time. */
const validReport: Record<string, unknown> = {
  category: 'calo', what: 'Calo meminta uang jalan sepuluh juta.', place: '1804', whenMonth: '1', whenYear: String(thisYear - 1),
  childInvolved: 'tidak', contactWanted: 'tidak', consent: 'ya',
};

const body = fc
  .tuple(fc.boolean(), fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { minKeys: 1, maxKeys: 6 }), fc.dictionary(fc.string({ maxLength: 10 }), value, { maxKeys: 2 }))
  .map(([fromReport, fields, extra]) => ({ ...(fromReport ? validReport : {}), ...extra, ...fields }) as Record<string, unknown>);

const contentTypes = fc.constantFrom(
  'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/x-www-form-urlencoded', 'multipart/form-data',
  'multipart/form-data; boundary=x', 'text/plain', '', 'application/xml', 'application/octet-stream',
);

type Encoding = 'json' | 'urlencoded' | 'raw';
type FuzzRequest = FuzzRequestOf<Encoding>;

const request = (data: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<FuzzRequest> =>
  fc.record({
    data,
    encoding: fc.constantFrom<Encoding>('json', 'json', 'urlencoded', 'urlencoded', 'raw'),
    rawType: contentTypes,
    raw: fc.uint8Array({ maxLength: 300 }),
    accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*'),
    acceptLanguage: fc.constantFrom(undefined, 'en', 'id', 'en-US,en;q=0.9', 'xx', ''),
  });

function toRequest(path: string, r: FuzzRequest): Request {
  const headers = new Headers();
  if (r.accept) headers.set('accept', r.accept);
  if (r.acceptLanguage !== undefined) headers.set('accept-language', r.acceptLanguage);
  let payload: BodyInit;
  if (r.encoding === 'json') {
    headers.set('content-type', r.rawType.toLowerCase().startsWith('application/json') ? r.rawType : 'application/json');
    payload = JSON.stringify(r.data);
  } else if (r.encoding === 'urlencoded') {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(r.data)) params.append(k, formString(v));
    payload = params.toString();
  } else {
    if (r.rawType) headers.set('content-type', r.rawType);
    payload = r.raw as Uint8Array<ArrayBuffer>;
  }
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers, body: payload });
}

// ---- multipart, written by hand so that boundaries, headers and truncation can be anything

const boundaryCharacters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\'()+_,-./:=? '.split(''));
const boundary = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: boundaryCharacters, minLength: 1, maxLength: 70 }).filter((b) => !b.endsWith(' ')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const fileBytes = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2_000 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom([0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x25, 0x50, 0x44, 0x46, 0x2d], [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]), fc.uint8Array({ maxLength: 500 })).map(([magic, rest]) => new Uint8Array([...magic, ...rest])) },
  { weight: 2, arbitrary: fc.constantFrom('jpeg', 'png', 'pdf').map((kind) => (kind === 'jpeg' ? jpeg : kind === 'png' ? png : new TextEncoder().encode('%PDF-1.4\n%%EOF\n'))) },
  { weight: 1, arbitrary: fc.constant(new Uint8Array()) },
);

interface Part {
  name: string;
  value?: string;
  file?: { filename: string; type: string | undefined; bytes: Uint8Array };
}
const part: fc.Arbitrary<Part> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ name: fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), value: text }) },
  {
    weight: 2,
    arbitrary: fc.record({
      name: fc.oneof({ weight: 4, arbitrary: fc.constant('files') }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }),
      file: fc.record({
        filename: fc.oneof(fc.constantFrom('IMG_20261129_101500.jpg', 'bukti.pdf', 'a.exe', '', '../../etc/passwd', 'x"y.png'), fc.string({ maxLength: 20 })),
        type: fc.option(fc.oneof(fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain', 'application/x-msdownload', ''), fc.string({ maxLength: 20 })), { nil: undefined }),
        bytes: fileBytes,
      }),
    }),
  },
);

interface MultipartRequest {
  fromReport: boolean;
  parts: Part[];
  boundary: string;
  declared: string;
  truncateAt: number | undefined;
  crlf: boolean;
  accept: string | undefined;
}
const multipartRequest: fc.Arbitrary<MultipartRequest> = fc.record({
  fromReport: fc.boolean(),
  parts: fc.array(part, { maxLength: 8 }),
  boundary,
  // Usually the boundary the body uses; sometimes another, none, or a quoted one.
  declared: fc.constantFrom('same', 'same', 'same', 'quoted', 'other', 'none'),
  truncateAt: fc.option(fc.nat(), { freq: 4, nil: undefined }),
  crlf: fc.constantFrom(true, true, true, true, false),
  accept: fc.constantFrom(undefined, 'application/json', 'text/html'),
});

function toMultipart(path: string, m: MultipartRequest, base: Record<string, unknown>): Request {
  const eol = m.crlf ? '\r\n' : '\n';
  const chunks: Uint8Array[] = [];
  const add = (s: string) => chunks.push(new TextEncoder().encode(s));
  const parts: Part[] = [...(m.fromReport ? Object.entries(base).map(([name, v]) => ({ name, value: formString(v) })) : []), ...m.parts];
  for (const p of parts) {
    add(`--${m.boundary}${eol}`);
    if (p.file) {
      add(`Content-Disposition: form-data; name="${p.name}"; filename="${p.file.filename}"${eol}${p.file.type === undefined ? '' : `Content-Type: ${p.file.type}${eol}`}${eol}`);
      chunks.push(p.file.bytes);
      add(eol);
    } else {
      add(`Content-Disposition: form-data; name="${p.name}"${eol}${eol}${p.value ?? ''}${eol}`);
    }
  }
  add(`--${m.boundary}--${eol}`);
  let bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  if (m.truncateAt !== undefined) bytes = bytes.subarray(0, m.truncateAt % (bytes.length + 1));
  const declared = m.declared === 'same' ? m.boundary : m.declared === 'quoted' ? `"${m.boundary}"` : m.declared === 'other' ? `${m.boundary}x` : undefined;
  const headers = new Headers();
  try {
    headers.set('content-type', declared === undefined ? 'multipart/form-data' : `multipart/form-data; boundary=${declared}`);
  } catch {
    headers.set('content-type', 'multipart/form-data; boundary=invalid');
  }
  if (m.accept) headers.set('accept', m.accept);
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers, body: bytes as Uint8Array<ArrayBuffer> });
}

// ---- sealed submissions, mutated

type Path = (string | number)[];
const REPORT_PATHS: Path[] = [
  [], ['lang'], ['website'], ['sealed'], ['sealed', 'sealId'], ['sealed', 'category'], ['sealed', 'childInvolved'], ['sealed', 'report'], ['sealed', 'report', 'v'],
  ['sealed', 'report', 'purpose'], ['sealed', 'report', 'recipients'], ['sealed', 'report', 'recipients', 0], ['sealed', 'report', 'recipients', 0, 'id'],
  ['sealed', 'report', 'recipients', 0, 'enc'], ['sealed', 'report', 'recipients', 0, 'key'], ['sealed', 'report', 'nonce'], ['sealed', 'report', 'ciphertext'],
  ['sealed', 'files'], ['sealed', 'files', 0], ['sealed', 'files', 0, 'purpose'], ['sealed', 'files', 0, 'ciphertext'], ['sealed', 'files', 0, 'nonce'],
  ['sealed', 'files', 0, 'recipients', 0, 'enc'], ['sealed', 'files', 2, 'recipients'],
];
const FOLLOW_UP_PATHS: Path[] = [
  [], ['receipt'], ['sealed'], ['sealed', 'receipt'], ['sealed', 'sealId'], ['sealed', 'message'], ['sealed', 'message', 'purpose'], ['sealed', 'message', 'recipients'],
  ['sealed', 'message', 'recipients', 0, 'id'], ['sealed', 'message', 'recipients', 0, 'enc'], ['sealed', 'message', 'nonce'], ['sealed', 'message', 'ciphertext'],
  ['sealed', 'files'], ['sealed', 'files', 0], ['sealed', 'files', 0, 'purpose'], ['sealed', 'files', 0, 'ciphertext'],
];

type Mutation =
  | { kind: 'set'; at: number; to: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'extra'; at: number; key: string; to: unknown }
  | { kind: 'base64'; at: number; how: 'bad-character' | 'no-padding' | 'shorter' | 'longer' | 'url-safe' | 'whitespace' | 'empty' }
  | { kind: 'purpose'; at: number; to: string }
  | { kind: 'huge'; at: number; times: number }
  | { kind: 'officer'; id: string };

const mutation = (paths: Path[]): fc.Arbitrary<Mutation> => {
  const at = fc.nat({ max: paths.length - 1 });
  return fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at, to: value }),
    fc.record({ kind: fc.constant('delete' as const), at }),
    fc.record({ kind: fc.constant('extra' as const), at, key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'files', 'v')), to: value }),
    fc.record({ kind: fc.constant('base64' as const), at, how: fc.constantFrom('bad-character', 'no-padding', 'shorter', 'longer', 'url-safe', 'whitespace', 'empty') }),
    fc.record({ kind: fc.constant('purpose' as const), at, to: fc.constantFrom('tip-report', 'tip-file', 'tip-follow-up', 'tip-officer-message', 'report', '') }),
    fc.record({ kind: fc.constant('huge' as const), at, times: fc.integer({ min: 2, max: 3_000 }) }),
    fc.record({ kind: fc.constant('officer' as const), id: fc.oneof(fc.constantFrom('someone-else', 'test-officer ', 'TEST-OFFICER'), fc.string({ maxLength: 70 })) }),
  );
};

function holderOf(root: Record<string, unknown>, path: Path): { holder: any; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let holder: any = root;
  for (const step of path.slice(0, -1)) {
    if (holder === null || typeof holder !== 'object' || !(step in holder)) return undefined;
    holder = holder[step];
  }
  if (holder === null || typeof holder !== 'object') return undefined;
  return { holder, key: path.at(-1)! };
}

/** What one "huge" mutation may add: a body stays near Netlify's 6 MB, sometimes over it (413), never far. */
const HUGE_BYTES = 7_000_000;

function mutate(original: Record<string, unknown>, paths: Path[], mutations: Mutation[]): Record<string, unknown> {
  const root = structuredClone(original);
  let grown = false;
  for (const m of mutations) {
    if (m.kind === 'officer') {
      const sealed = root.sealed as any;
      const boxes = [sealed?.report, sealed?.message, ...(Array.isArray(sealed?.files) ? sealed.files : [])];
      for (const box of boxes) if (box?.recipients?.[0] !== null && typeof box?.recipients?.[0] === 'object') box.recipients[0].id = m.id;
      continue;
    }
    const path = paths[m.at]!;
    if (m.kind === 'extra') {
      let target: any = root;
      for (const step of path) target = target?.[step];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.to, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const at = holderOf(root, path);
    if (!at) continue;
    const { holder, key } = at;
    if (m.kind === 'set') holder[key] = m.to;
    else if (m.kind === 'delete') {
      if (Array.isArray(holder) && typeof key === 'number') holder.splice(key, 1);
      else delete holder[key];
    } else if (m.kind === 'purpose') {
      if (holder[key] && typeof holder[key] === 'object' && 'purpose' in holder[key]) holder[key].purpose = m.to;
      else if (key === 'purpose') holder[key] = m.to;
    } else if (m.kind === 'huge') {
      if (grown) continue;
      grown = true;
      const current = holder[key];
      const unit = Math.max(4, (JSON.stringify(Array.isArray(current) ? current[0] : current) ?? 'null').length);
      const times = Math.min(m.times, Math.floor(HUGE_BYTES / unit));
      holder[key] = Array.isArray(current) ? Array.from({ length: times }, (_, i) => current[i % Math.max(1, current.length)] ?? null) : Array.from({ length: times }, () => current);
    } else if (m.kind === 'base64') {
      const current = holder[key];
      if (typeof current !== 'string') continue;
      holder[key] = {
        'bad-character': () => `!${current.slice(1)}`,
        'no-padding': () => current.replace(/=+$/, ''),
        shorter: () => current.slice(4),
        longer: () => `AAAA${current}`,
        'url-safe': () => current.replace(/\+/g, '-').replace(/\//g, '_') + '-_',
        whitespace: () => `${current.slice(0, 8)}\n${current.slice(8)}`,
        empty: () => '',
      }[m.how]();
    }
  }
  return root;
}

// ---- receipts: mostly impossible, some well-formed, a few real

const wellFormed = fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: 19, maxLength: 19 }).map((chars) => {
  const payload = chars.join('');
  return `${payload}${checkCharacter(payload)}`.match(/.{4}/g)!.join('-');
});
/** A well-formed receipt with one character changed: the check character no longer matches. */
const mistyped = fc.tuple(wellFormed, fc.nat({ max: 19 }), fc.integer({ min: 1, max: 31 })).map(([r, at, shift]) => {
  const characters = r.replace(/-/g, '').split('');
  characters[at] = CODE_ALPHABET[(CODE_ALPHABET.indexOf(characters[at]!) + shift) % 32]!;
  return characters.join('');
});
const spelled = fc.tuple(wellFormed, fc.constantFrom('as-is', 'lower', 'compact', 'spaces', 'en-dash', 'look-alikes')).map(([r, how]) => {
  if (how === 'lower') return r.toLowerCase();
  if (how === 'compact') return r.replace(/-/g, '');
  if (how === 'spaces') return ` ${r.replace(/-/g, ' ')} `;
  if (how === 'en-dash') return r.replace(/-/g, '–');
  if (how === 'look-alikes') return r.replace(/0/g, 'O').replace(/1/g, 'l');
  return r;
});
const receipt: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 30, arbitrary: text },
  { weight: 30, arbitrary: mistyped },
  { weight: 10, arbitrary: value },
  { weight: 6, arbitrary: spelled },
  { weight: 2, arbitrary: fc.constant(null).map(() => realReceipt) },
);
/** Of a receipt generated above: whether it costs a slow hash (it is well-formed). */
const costsHash = (r: unknown) => typeof r === 'string' && normalizeReceipt(r) !== undefined;

// ---------------------------------------------------------------- the answer

const ALLOWED = {
  tips: [201, 400, 409, 413, 415, 422],
  status: [200, 400, 404, 413, 415, 422, 429],
  messages: [201, 400, 404, 409, 413, 415, 422, 429],
};

/** Answers seen, per endpoint and status: printed, and checked to reach every path (a generator gone flat fails). */
const seen: Record<string, Record<number, number>> = {};

/** Never a 5xx nor a status outside `allowed`; never cached; the body matches its type; markup from the request stays escaped. */
async function expectSafeAnswer(response: Response, allowed: readonly number[], endpoint: string): Promise<string> {
  const content = await response.text();
  seen[endpoint] ??= {};
  seen[endpoint][response.status] = (seen[endpoint][response.status] ?? 0) + 1;
  expectSafeAnswerText(response, content, allowed, { doctypes: ['<!doctype html>'] });
  return content;
}

/** A tip stored exactly when the answer is 201, and its receipt given. */
async function expectStoredOnlyOn201(response: Response, before: number): Promise<number> {
  const content = await expectSafeAnswer(response, ALLOWED.tips, 'tips');
  if (response.status === 201) {
    expect(heads()).toBe(before + 1);
    const given = response.headers.get('content-type')!.startsWith('application/json') ? JSON.parse(content).receipt : /class="code receipt-code"[^>]*>([0-9A-Z-]{24})</.exec(content)?.[1];
    expect(normalizeReceipt(given)).toBe(given);
    return 1;
  }
  expect(heads()).toBe(before);
  return 0;
}

const tally = { created: 0, hashed: 0, plainAdded: 0 };
/**
 * Seal ids of the sealed follow-ups answered 201. A sealed follow-up names its own seal id, and one
 * whose seal id the tip already holds is taken for a retry of that write: answered 201, stored once.
 */
const sealedAdded = new Set<string>();

// ---------------------------------------------------------------- properties

describe('fuzzing the tip endpoints', () => {
  it(`POST /api/tips: ${RUNS.json} arbitrary JSON, urlencoded and raw bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(request(body), async (r) => {
        const before = heads();
        tally.created += await expectStoredOnlyOn201(await handleTips(toRequest('/api/tips', r)), before);
      }),
      { seed: SEED, numRuns: RUNS.json },
    );
  });

  it(`POST /api/tips: ${RUNS.multipart} arbitrary multipart bodies (files, boundaries, truncation)`, async () => {
    await fc.assert(
      fc.asyncProperty(multipartRequest, async (m) => {
        const before = heads();
        tally.created += await expectStoredOnlyOn201(await handleTips(toMultipart('/api/tips', m, validReport)), before);
      }),
      { seed: SEED + 1, numRuns: RUNS.multipart },
    );
  });

  it(`POST /api/tips: ${RUNS.sealed} mutations of a valid sealed report`, async () => {
    const arbitrary = fc.tuple(fc.nat({ max: 2 }), fc.array(mutation(REPORT_PATHS), { minLength: 1, maxLength: 3 }));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([which, mutations]) => {
        const data = mutate(sealedReports[which]!, REPORT_PATHS, mutations);
        const before = heads();
        const response = await handleTips(new Request(`${ORIGIN}/api/tips`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) }));
        tally.created += await expectStoredOnlyOn201(response, before);
      }),
      { seed: SEED + 2, numRuns: RUNS.sealed },
    );
  });

  it(`POST /api/tips/status: ${RUNS.status} arbitrary receipts`, async () => {
    const arbitrary = request(fc.record({ receipt, lang: fc.constantFrom(undefined, 'en', 'id', 'xx') }, { requiredKeys: [] }).map((d) => d as Record<string, unknown>));
    const before = heads();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (r) => {
        if (costsHash(r.data.receipt) && r.encoding !== 'raw') tally.hashed++;
        await expectSafeAnswer(await handleTipStatus(toRequest('/api/tips/status', r)), ALLOWED.status, 'status');
        expect(heads()).toBe(before);
      }),
      { seed: SEED + 3, numRuns: RUNS.status },
    );
  });

  it(`POST /api/tips/messages: ${RUNS.messages} arbitrary follow-ups (JSON, urlencoded, multipart with files)`, async () => {
    const data = fc.record({ receipt, message: fc.option(text, { nil: undefined }), lang: fc.constantFrom(undefined, 'en', 'id') }, { requiredKeys: ['receipt'] });
    const arbitrary = fc.oneof(
      { weight: 2, arbitrary: request(data.map((d) => d as Record<string, unknown>)).map((r) => ({ kind: 'simple' as const, r })) },
      { weight: 1, arbitrary: fc.tuple(data, multipartRequest).map(([d, m]) => ({ kind: 'multipart' as const, d, m: { ...m, fromReport: true } })) },
    );
    const before = heads();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (c) => {
        const fields = c.kind === 'simple' ? c.r.data : (c.d as Record<string, unknown>);
        const request = c.kind === 'simple' ? toRequest('/api/tips/messages', c.r) : toMultipart('/api/tips/messages', c.m, fields);
        if (costsHash(fields.receipt)) tally.hashed++;
        const response = await handleTipMessages(request);
        await expectSafeAnswer(response, ALLOWED.messages, 'messages');
        if (response.status === 201) {
          expect(normalizeReceipt(String(fields.receipt))).toBe(realReceipt);
          tally.plainAdded++;
        }
        expect(heads()).toBe(before);
      }),
      { seed: SEED + 4, numRuns: RUNS.messages },
    );
  });

  it(`POST /api/tips/messages: ${RUNS.sealedFollowUp} mutations of a valid sealed follow-up`, async () => {
    const arbitrary = fc.array(mutation(FOLLOW_UP_PATHS), { minLength: 1, maxLength: 3 });
    const before = heads();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (mutations) => {
        const data = mutate(sealedFollowUp, FOLLOW_UP_PATHS, mutations);
        if (costsHash(data.receipt)) tally.hashed++;
        const response = await handleTipMessages(new Request(`${ORIGIN}/api/tips/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) }));
        await expectSafeAnswer(response, ALLOWED.messages, 'messages');
        if (response.status === 201) sealedAdded.add((data.sealed as { sealId: string }).sealId);
        expect(heads()).toBe(before);
      }),
      {
        seed: SEED + 5,
        numRuns: RUNS.sealedFollowUp,
        // The follow-up as sent, then the same seal id again with three files (a client retrying with more).
        examples: [[[{ kind: 'extra', at: 0, key: 'note', to: 1 }]], [[{ kind: 'huge', at: 12, times: 3 }]]],
      },
    );
  });

  it('afterwards: the real tip holds exactly the follow-ups answered 201, and every stored file is named by its tip', async () => {
    const { head } = await readHead(tipsStore(), keys, realReceipt);
    expect(head!.entries.filter((e) => e.kind === 'follow-up')).toHaveLength(tally.plainAdded + sealedAdded.size);
    expect(heads()).toBe(1 + tally.created);
    const tips = new TipStore(tipsStore());
    const files = storedKeys(blobs, TIPS_STORE, 'files/');
    const byTip = new Map<string, string[]>();
    for (const key of files) {
      const tipKey = key.split('/')[2]!; // files/<day>/<tip key>/<seal id>-<n>
      byTip.set(tipKey, [...(byTip.get(tipKey) ?? []), key]);
    }
    for (const [tipKey, keys] of byTip) {
      const stored = await tips.read(tipKey);
      expect(stored, `files without a tip: ${tipKey}`).toBeDefined();
      const named = new Set(stored!.entries.flatMap((e) => e.files));
      for (const key of keys) expect(named.has(key), key).toBe(true);
    }
    console.info(`tips fuzz: ${tally.created} tips created, ${tally.plainAdded + sealedAdded.size} follow-ups added, ${tally.hashed} well-formed receipts checked; answers ${JSON.stringify(seen)}`);
    for (const status of [201, 400, 409, 413, 415, 422]) expect(seen.tips?.[status], `/api/tips ${status}`).toBeGreaterThan(0);
    for (const status of [200, 404, 415, 422]) expect(seen.status?.[status], `/api/tips/status ${status}`).toBeGreaterThan(0);
    for (const status of [201, 400, 404, 409, 422]) expect(seen.messages?.[status], `/api/tips/messages ${status}`).toBeGreaterThan(0);
    // Most generated receipts must be impossible, or the slow hash would make this file slow.
    expect(tally.hashed).toBeLessThan(600);
  });
});
