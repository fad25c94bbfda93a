/**
 * Every rule of the tip form and the tip API, through the real handlers and a real local Blobs server:
 * each error code of src/i18n/tip.ts's table that a report, a status check or a follow-up can produce,
 * with its exact sentence in Indonesian and English, as JSON `errors` and on the HTML page a form post
 * gets back (status 422, "Kesalahan: " in the title, the field's error tied to it, everything typed
 * kept); evidence limits (too many, over 4 MB in all — the form comes back, not a 413 — a program
 * renamed .jpg, an empty file, a wrong type); contact details given with "stay anonymous" are not
 * stored; and the HTTP edges: 405, 415, 400, 403 for cross-site posts, 413 over 6 MB, the honeypot.
 * Every answer carries Cache-Control: no-store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlobsWithKeys, type LocalBlobs } from '../support/blobs.ts';
import type { TestKeys } from '../support/keys.ts';
import { formPost, jsonPost, multipartPost, ORIGIN, readNoStoreAnswer, type Answer, type FileSpec } from '../support/http.ts';
import { jpegWithGps, openAsOfficer, tipsStore } from '../support/tips.ts';
import { handleTips } from '../../src/server/handlers/tips.ts';
import { handleTipStatus } from '../../src/server/handlers/tip-status.ts';
import { handleTipMessages } from '../../src/server/handlers/tip-messages.ts';
import { TipStore } from '../../src/server/tip-store.ts';
import { TIP_ERROR_CODES, tipErrorMessage } from '../../src/i18n/tip.ts';
import { t, type Lang } from '../../src/i18n/index.ts';
import { escapeHtml } from '../../src/lib/html.ts';
import { jakartaToday } from '../../src/lib/office-days.ts';
import { generateReceipt } from '../../src/lib/receipt.ts';
import { newSealId } from '../../src/lib/sealing.ts';
import { sealEvidence, sealReport, type SealedReportContent } from '../../src/lib/tip-sealing.ts';
import type { FunctionContext } from '../../src/server/http.ts';

const LANGS: Lang[] = ['id', 'en'];
let blobs: LocalBlobs;
let keys: TestKeys;

beforeAll(async () => {
  ({ blobs, keys } = await startBlobsWithKeys());
});
afterAll(async () => blobs?.stop());

// ---------------------------------------------------------------- helpers

const heads = async () => (await new TipStore(tipsStore()).tipKeys()).length;

const today = jakartaToday();
const thisYear = Number(today.slice(0, 4));
const thisMonth = Number(today.slice(5, 7));

/** A valid report, as the form sends it. */
const report: Record<string, unknown> = {
  category: 'calo',
  what: 'Calo di desa kami menjanjikan kerja di pabrik & meminta "uang jalan" Rp12 juta <tanpa kuitansi>.',
  place: '1804',
  placeDetail: 'Desa Sukadana, dekat pasar',
  whenMonth: '3',
  whenYear: String(thisYear - 1),
  who: 'Pak Y, mengaku dari PT Sejahtera',
  howMany: '2-5',
  destination: 'malaysia',
  childInvolved: 'tidak',
  contactWanted: 'tidak',
  consent: 'ya',
};

/** The report with some fields changed; `undefined` removes a field. */
function changed(change: Record<string, unknown>): Record<string, unknown> {
  const out = { ...report, ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete out[k];
  return out;
}

/** The sentence the reader must see: the code must be in both tables (no fallback to "<field>.invalid"). */
function sentence(lang: Lang, code: string): string {
  expect(TIP_ERROR_CODES[lang], `${code} in the ${lang} table`).toContain(code);
  return tipErrorMessage(lang, code);
}

/** An error page: 422, "Kesalahan: " in the title, the summary and the field's error, the typed text kept. */
function expectErrorPage(page: Answer, lang: Lang, field: string, code: string, status = 422) {
  expect(page.status).toBe(status);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.text).toMatch(new RegExp(`<title>${t(lang, 'prereg.errorPrefix')}: `));
  expect(page.text).toContain(`id="${field}-error"`);
  const message = escapeHtml(sentence(lang, code));
  expect(page.text).toContain(`<li><a href="#${field}">${message}</a></li>`);
  expect(page.text).toContain(`</span>${message}</p>`);
}

/** Runs `work` with the functions' clock on a day in June when this month is December (a later month must exist). */
async function withLaterMonthPossible<T>(work: (context: FunctionContext | undefined, today: string) => Promise<T>): Promise<T> {
  if (thisMonth < 12) return work(undefined, today);
  // src/server/clock.ts honours an offset in the "dev" deploy context only (its own stores, too).
  const before = process.env.LTSA_TEST_CLOCK_OFFSET_MS;
  const offset = Date.parse(`${thisYear}-06-15T03:00:00Z`) - Date.now();
  process.env.LTSA_TEST_CLOCK_OFFSET_MS = String(offset);
  try {
    return await work({ deploy: { context: 'dev' } }, `${thisYear}-06-15`);
  } finally {
    if (before === undefined) delete process.env.LTSA_TEST_CLOCK_OFFSET_MS;
    else process.env.LTSA_TEST_CLOCK_OFFSET_MS = before;
  }
}

// ---------------------------------------------------------------- the report's fields

interface FieldCase {
  field: string;
  code: string;
  change: Record<string, unknown>;
  /** Sendable by a browser form (strings only): also checked on the HTML page. */
  form: boolean;
}

const HIDDEN = '\u202E'; // RIGHT-TO-LEFT OVERRIDE: makes text read differently from what was stored.

const fieldCases: FieldCase[] = [
  { field: 'category', code: 'category.required', change: { category: undefined }, form: true },
  { field: 'category', code: 'category.invalid', change: { category: 'penipuan-online' }, form: true },
  { field: 'what', code: 'what.required', change: { what: undefined }, form: true },
  { field: 'what', code: 'what.required', change: { what: ' \r\n\t ' }, form: true },
  { field: 'what', code: 'what.invalid', change: { what: 1234567890123 }, form: false },
  { field: 'what', code: 'what.tooShort', change: { what: '  Calo!!  ' }, form: true },
  { field: 'what', code: 'what.tooLong', change: { what: 'a'.repeat(5001) }, form: true },
  { field: 'what', code: 'what.chars', change: { what: `Calo itu ${HIDDEN}atepmem uang kami` }, form: true },
  { field: 'place', code: 'place.invalid', change: { place: '9999' }, form: true },
  { field: 'place', code: 'place.invalid', change: { place: '1804'.repeat(6) }, form: true },
  { field: 'placeDetail', code: 'placeDetail.invalid', change: { placeDetail: ['Desa'] }, form: false },
  { field: 'placeDetail', code: 'placeDetail.tooLong', change: { placeDetail: 'd'.repeat(201) }, form: true },
  { field: 'placeDetail', code: 'placeDetail.chars', change: { placeDetail: `Desa ${HIDDEN}anadakuS` }, form: true },
  { field: 'whenMonth', code: 'whenMonth.invalid', change: { whenMonth: '13' }, form: true },
  { field: 'whenYear', code: 'whenYear.future', change: { whenYear: String(thisYear + 1) }, form: true },
  { field: 'whenYear', code: 'whenYear.invalid', change: { whenYear: String(thisYear - 16) }, form: true },
  { field: 'whenYear', code: 'whenYear.invalid', change: { whenYear: '26' }, form: true },
  { field: 'whenYear', code: 'whenYear.required', change: { whenMonth: '3', whenYear: undefined }, form: true },
  { field: 'who', code: 'who.invalid', change: { who: { name: 'PT X' } }, form: false },
  { field: 'who', code: 'who.tooLong', change: { who: 'w'.repeat(501) }, form: true },
  { field: 'who', code: 'who.chars', change: { who: `PT ${HIDDEN}arehtejeS` }, form: true },
  { field: 'howMany', code: 'howMany.invalid', change: { howMany: '3' }, form: true },
  { field: 'destination', code: 'destination.invalid', change: { destination: 'atlantis' }, form: true },
  { field: 'childInvolved', code: 'childInvolved.required', change: { childInvolved: undefined }, form: true },
  { field: 'childInvolved', code: 'childInvolved.invalid', change: { childInvolved: 'mungkin' }, form: true },
  { field: 'contactWanted', code: 'contactWanted.invalid', change: { contactWanted: 'mungkin' }, form: true },
  { field: 'contact', code: 'contact.required', change: { contactWanted: 'ya', contact: undefined }, form: true },
  { field: 'contact', code: 'contact.required', change: { contactWanted: 'ya', contact: '   ' }, form: true },
  { field: 'contact', code: 'contact.invalid', change: { contactWanted: true, contact: 81234567890 }, form: false },
  { field: 'contact', code: 'contact.tooShort', change: { contactWanted: 'ya', contact: '0812' }, form: true },
  { field: 'contact', code: 'contact.tooLong', change: { contactWanted: 'ya', contact: '0'.repeat(201) }, form: true },
  { field: 'contact', code: 'contact.chars', change: { contactWanted: 'ya', contact: `0812${HIDDEN}3456789` }, form: true },
  { field: 'consent', code: 'consent.required', change: { consent: undefined }, form: true },
  { field: 'consent', code: 'consent.required', change: { consent: 'tidak' }, form: true },
];

describe('each rule of the report, in both languages', () => {
  it.each(fieldCases.map((c) => [c.code, JSON.stringify(c.change).slice(0, 60), c] as const))('%s (%s): JSON errors name only that field', async (_code, _change, c) => {
    const before = await heads();
    for (const lang of LANGS) {
      const answer = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', { ...changed(c.change), lang })));
      expect(answer.status).toBe(422);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(answer.body).toEqual({ errors: { [c.field]: sentence(lang, c.code) } });
    }
    // The language may also come from the browser instead of a field.
    const english = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', changed(c.change), { 'accept-language': 'en-GB,en;q=0.9' })));
    expect(english.body.errors[c.field]).toBe(sentence('en', c.code));
    expect(await heads()).toBe(before);
  });

  it.each(fieldCases.filter((c) => c.form).map((c) => [c.code, JSON.stringify(c.change).slice(0, 60), c] as const))(
    '%s (%s): a form post gets its form back with the error and everything typed',
    async (_code, _change, c) => {
      for (const lang of LANGS) {
        const fields: Record<string, unknown> = { ...changed(c.change), lang };
        const page = await readNoStoreAnswer(await handleTips(formPost('/api/tips', fields)));
        expectErrorPage(page, lang, c.field, c.code);
        // What was typed is kept (escaped), whatever was wrong with it.
        for (const name of ['what', 'placeDetail', 'who', 'contact'] as const) {
          const value = fields[name];
          if (typeof value === 'string' && value.trim() !== '' && !value.includes('\r')) expect(page.text, name).toContain(escapeHtml(value));
        }
      }
    },
  );

  it('the sentences are the ones the page promises (spot checks, typed out)', async () => {
    const what = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', changed({ what: `Ada ${HIDDEN} di sini, panjang` }))));
    expect(what.body.errors.what).toBe('Cerita berisi karakter tersembunyi yang tidak bisa kami simpan. Ketik ulang bagian yang Anda tempel dari tempat lain');
    const whatEn = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', { ...changed({ what: `Ada ${HIDDEN} di sini, panjang` }), lang: 'en' })));
    expect(whatEn.body.errors.what).toBe('The account holds hidden characters we cannot store. Type again the part you pasted from elsewhere');
    const contact = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', changed({ contactWanted: 'ya' }))));
    expect(contact.body.errors).toEqual({ contact: 'Tulis nomor HP, WhatsApp atau email Anda, atau pilih "Tidak" jika tidak mau dihubungi' });
    const year = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', { ...changed({ whenYear: undefined }), lang: 'en' })));
    expect(year.body.errors).toEqual({ whenYear: 'Choose the year, or leave the month empty' });
  });

  it('a month later than this one, this year, is refused; this month and the earliest year are not', async () => {
    await withLaterMonthPossible(async (context, day) => {
      const month = Number(day.slice(5, 7));
      for (const lang of LANGS) {
        const future = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', { ...changed({ whenMonth: String(month + 1), whenYear: String(thisYear) }), lang }), context));
        expect(future.status).toBe(422);
        expect(future.body).toEqual({ errors: { whenMonth: sentence(lang, 'whenMonth.future') } });
        const page = await readNoStoreAnswer(await handleTips(formPost('/api/tips', { ...changed({ whenMonth: '12', whenYear: String(thisYear) }), lang }), context));
        expectErrorPage(page, lang, 'whenMonth', 'whenMonth.future');
      }
      const now = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', changed({ whenMonth: String(month), whenYear: String(thisYear) })), context));
      expect(now.status, now.text).toBe(201);
    });
    const earliest = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', changed({ whenMonth: '1', whenYear: String(thisYear - 15) }))));
    expect(earliest.status, earliest.text).toBe(201);
    const earlier = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', changed({ whenMonth: undefined, whenYear: 'sebelumnya' }))));
    expect(earlier.status, earlier.text).toBe(201);
  });

  it('several errors at once are all reported, in the form’s order', async () => {
    const answer = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', { consent: 'tidak', what: 'x', howMany: '7', category: 'zzz' })));
    expect(Object.keys(answer.body.errors)).toEqual(['category', 'what', 'howMany', 'childInvolved', 'consent']);
  });
});

// ---------------------------------------------------------------- evidence

describe('evidence sent with a form post', () => {
  let photo: Uint8Array;
  beforeAll(async () => {
    photo = await jpegWithGps();
  });
  const exe = () => {
    // A Windows program: "MZ", the DOS stub, then "PE\0\0".
    const bytes = new Uint8Array(2048);
    bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    bytes.set(new TextEncoder().encode('This program cannot be run in DOS mode.'), 0x4e);
    bytes.set([0x50, 0x45, 0x00, 0x00], 0x80);
    return bytes;
  };

  const cases: [string, string, () => FileSpec[]][] = [
    ['more than 3 files', 'files.tooMany', () => [1, 2, 3, 4].map((n) => ({ name: `foto-${n}.jpg`, type: 'image/jpeg', bytes: photo }))],
    ['a program renamed .jpg', 'files.unreadable', () => [{ name: 'foto.jpg', type: 'image/jpeg', bytes: exe() }]],
    ['a JPEG header with no picture after it', 'files.unreadable', () => [{ name: 'rusak.jpg', type: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]) }]],
    ['an empty file', 'files.empty', () => [{ name: 'kosong.jpg', type: 'image/jpeg', bytes: new Uint8Array() }]],
    ['a file of another type', 'files.type', () => [{ name: 'catatan.txt', type: 'text/plain', bytes: new TextEncoder().encode('catatan') }]],
    ['a file under another field name', 'files.type', () => [{ name: 'foto.jpg', type: 'image/jpeg', bytes: photo, field: 'lampiran' }]],
  ];

  it.each(cases)('%s: %s, as JSON and as the form again (choose the files again)', async (_name, code, files) => {
    const before = await heads();
    for (const lang of LANGS) {
      const answer = await readNoStoreAnswer(await handleTips(await multipartPost('/api/tips', { ...report, lang }, files(), { accept: 'application/json' })));
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({ errors: { files: sentence(lang, code) } });
      const page = await readNoStoreAnswer(await handleTips(await multipartPost('/api/tips', { ...report, lang }, files())));
      expectErrorPage(page, lang, 'files', code);
      expect(page.text).toContain(escapeHtml(report.what as string));
      expect(page.text).toContain(lang === 'id' ? 'Pilih lagi file bukti Anda' : 'Choose your evidence files again');
    }
    expect(await heads()).toBe(before);
  });

  it('about 4.5 MB of files get the form back with the text kept and a files error: 422, not 413', async () => {
    const big = (n: number) => ({ name: `video-${n}.jpg`, type: 'image/jpeg', bytes: new Uint8Array(2_300_000).fill(n) });
    const fields = { ...report, lang: 'id' };
    const request = await multipartPost('/api/tips', fields, [big(1), big(2)]);
    const page = await readNoStoreAnswer(await handleTips(request));
    expectErrorPage(page, 'id', 'files', 'files.tooLarge');
    expect(page.text).toContain(escapeHtml(report.what as string));
    expect(page.text).toContain(escapeHtml(report.who as string));
    expect(page.text).toContain('File bukti terlalu besar. Semuanya harus 4 MB atau kurang.');
    const english = await readNoStoreAnswer(await handleTips(await multipartPost('/api/tips', { ...report, lang: 'en' }, [big(1), big(2)], { accept: 'application/json' })));
    expect(english.status).toBe(422);
    expect(english.body.errors).toEqual({ files: 'The evidence files are too big. Together they must be 4 MB or less. Send other files as more information with your receipt code' });
  });

  it('an empty file input (no file chosen) is no file, and three files within the limits pass', async () => {
    const none = await readNoStoreAnswer(await handleTips(await multipartPost('/api/tips', report, [{ name: '', type: 'application/octet-stream', bytes: new Uint8Array() }], { accept: 'application/json' })));
    expect(none.status, none.text).toBe(201);
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
    const three = await readNoStoreAnswer(await handleTips(await multipartPost('/api/tips', report, [{ name: 'a.jpg', type: 'image/jpeg', bytes: photo }, { name: 'b.pdf', type: 'application/pdf', bytes: pdf }, { name: 'c.jpg', type: 'image/jpeg', bytes: photo }], { accept: 'application/json' })));
    expect(three.status, three.text).toBe(201);
  });

  it('a sealed report with more than 3 files is a 422 on files', async () => {
    const officers = [{ id: keys.officer.id, publicKey: keys.officer.publicKey }];
    const sealId = newSealId();
    const box = await sealReport({ category: 'calo', what: 'Calo meminta uang jalan.', childInvolved: 'tidak', contactWanted: false, files: [] }, officers, sealId);
    const file = await sealEvidence(new Uint8Array([1, 2, 3]), officers, sealId);
    for (const lang of LANGS) {
      const answer = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', { lang, sealed: { sealId, category: 'calo', childInvolved: 'tidak', report: box, files: [file, file, file, file] } })));
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({ errors: { files: sentence(lang, 'files.tooMany') } });
    }
  });
});

// ---------------------------------------------------------------- contact details

describe('contact details', () => {
  const phone = '0812-7777-3131 (WA, sore hari)';

  it.each([
    ['contactWanted=tidak on a form post', 'form', { contactWanted: 'tidak', contact: phone }],
    ['contactWanted=false in JSON', 'json', { contactWanted: false, contact: phone }],
    ['contactWanted not answered', 'json', { contactWanted: undefined, contact: phone }],
  ] as const)('are not stored with %s', async (_name, kind, change) => {
    const fields = changed(change);
    const response = kind === 'form' ? await handleTips(await multipartPost('/api/tips', fields, [], { accept: 'application/json' })) : await handleTips(jsonPost('/api/tips', fields));
    const answer = await readNoStoreAnswer(response);
    expect(answer.status, answer.text).toBe(201);
    const opened = await openAsOfficer(tipsStore(), keys, answer.body.receipt);
    const content = opened.entries[0]!.content as SealedReportContent;
    expect(content.contactWanted).toBe(false);
    expect(content).not.toHaveProperty('contact');
    expect(JSON.stringify(content)).not.toContain('7777');
  });

  it('are stored, sealed, when the reporter asks to be contacted', async () => {
    const answer = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', changed({ contactWanted: 'ya', contact: phone }))));
    expect(answer.status).toBe(201);
    const opened = await openAsOfficer(tipsStore(), keys, answer.body.receipt);
    expect(opened.entries[0]!.content).toMatchObject({ contactWanted: true, contact: phone });
  });
});

// ---------------------------------------------------------------- status check and follow-up fields

describe('the receipt and the follow-up message, in both languages', () => {
  const receipt = generateReceipt();
  const receiptCases: [string, Record<string, unknown>, string][] = [
    ['no receipt', {}, 'receipt.required'],
    ['a blank receipt', { receipt: '   ' }, 'receipt.required'],
    ['a short receipt', { receipt: 'ABCD-EFGH' }, 'receipt.invalid'],
    ['a wrong check character', { receipt: receipt.slice(0, -1) + (receipt.endsWith('0') ? '1' : '0') }, 'receipt.invalid'],
    ['a receipt over 60 characters', { receipt: `${receipt} `.repeat(3) }, 'receipt.invalid'],
    ['a receipt that is not text', { receipt: 12345 }, 'receipt.invalid'],
  ];
  it.each(receiptCases)('status and messages: %s is %s', async (_name, body, code) => {
    for (const lang of LANGS) {
      for (const [path, handler] of [['/api/tips/status', handleTipStatus], ['/api/tips/messages', handleTipMessages]] as const) {
        const answer = await readNoStoreAnswer(await handler(jsonPost(path, { ...body, message: 'Ada kabar baru.', lang })));
        expect(answer.status).toBe(422);
        expect(answer.body).toEqual({ errors: { receipt: sentence(lang, code) } });
      }
      if (typeof body.receipt !== 'number') {
        const page = await readNoStoreAnswer(await handleTipStatus(formPost('/api/tips/status', { ...body, lang })));
        expectErrorPage(page, lang, 'receipt', code);
        if (typeof body.receipt === 'string' && body.receipt.trim()) expect(page.text).toContain(`value="${escapeHtml(body.receipt)}"`);
      }
    }
  });

  const messageCases: [string, unknown, string, boolean][] = [
    ['no message', undefined, 'message.required', true],
    ['a message that is not text', 42, 'message.invalid', false],
    ['one character', ' a ', 'message.tooShort', true],
    ['over 5,000 characters', 'm'.repeat(5001), 'message.tooLong', true],
    ['hidden characters', `Nomornya ${HIDDEN}2180`, 'message.chars', true],
  ];
  it.each(messageCases)('messages: %s is %s (checked before the receipt is looked up)', async (_name, message, code, form) => {
    for (const lang of LANGS) {
      const answer = await readNoStoreAnswer(await handleTipMessages(jsonPost('/api/tips/messages', { receipt, message, lang })));
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({ errors: { message: sentence(lang, code) } });
      if (!form) continue;
      const page = await readNoStoreAnswer(await handleTipMessages(await multipartPost('/api/tips/messages', { receipt, message, lang })));
      expectErrorPage(page, lang, 'message', code);
      expect(page.text).toContain(`value="${receipt}"`);
      if (typeof message === 'string' && message.trim().length > 1) expect(page.text).toContain(escapeHtml(message));
    }
  });

  it('covers every code of the error table', () => {
    const tested = new Set([...fieldCases.map((c) => c.code), 'whenMonth.future', 'files.tooMany', 'files.tooLarge', 'files.type', 'files.empty', 'files.unreadable', ...receiptCases.map((c) => c[2]), ...messageCases.map((c) => c[2])]);
    expect([...tested].sort()).toEqual([...TIP_ERROR_CODES.id].sort());
    expect([...TIP_ERROR_CODES.en].sort()).toEqual([...TIP_ERROR_CODES.id].sort());
  });
});

// ---------------------------------------------------------------- HTTP edges

describe('HTTP edges', () => {
  const endpoints = [
    ['/api/tips', handleTips],
    ['/api/tips/status', handleTipStatus],
    ['/api/tips/messages', handleTipMessages],
  ] as const;

  it.each(endpoints)('%s: 405 for GET, 415 for text/plain, 400 for malformed JSON or a non-object', async (path, handler) => {
    const get = await readNoStoreAnswer(await handler(new Request(`${ORIGIN}${path}`)));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const put = await readNoStoreAnswer(await handler(new Request(`${ORIGIN}${path}`, { method: 'PUT', body: '{}' })));
    expect(put.status).toBe(405);
    const plain = await readNoStoreAnswer(await handler(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'what=calo' })));
    expect(plain.status).toBe(415);
    expect(plain.body.error).toBe('unsupported-media-type');
    const none = await readNoStoreAnswer(await handler(new Request(`${ORIGIN}${path}`, { method: 'POST', body: new Uint8Array([1, 2, 3]) })));
    expect(none.status).toBe(415);
    for (const body of ['{"category": "calo",', '', '[1,2]', 'null', '"calo"']) {
      const bad = await readNoStoreAnswer(await handler(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })));
      expect(bad.status, body).toBe(400);
    }
    const notUtf8 = await readNoStoreAnswer(await handler(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) })));
    expect(notUtf8.status).toBe(400);
    const brokenMultipart = await readNoStoreAnswer(await handler(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: '--abc\r\nContent-Disposition: form-data; name="what"\r\n\r\nhalo' })));
    expect(brokenMultipart.status).toBe(400);
  });

  const crossSite: [string, Record<string, string>][] = [
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Origin: https://evil.example', { origin: 'https://evil.example' }],
    ['Origin elsewhere, claiming same-origin', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }],
  ];
  it.each(crossSite)('403 for %s on every endpoint, in the reader’s language, with nothing stored', async (_name, headers) => {
    const before = await heads();
    const receipt = generateReceipt();
    for (const [path, handler] of endpoints) {
      const body = { ...report, receipt, message: 'Ada kabar baru.' };
      const answer = await readNoStoreAnswer(await handler(jsonPost(path, body, headers)));
      expect(answer.status, path).toBe(403);
      expect(answer.body).toEqual({ error: 'cross-site', message: t('id', 'limits.crossSite') });
      const form = await readNoStoreAnswer(await handler(formPost(path, body, { ...headers, 'accept-language': 'en' })));
      expect(form.status).toBe(403);
      expect(form.body.message).toBe(t('en', 'limits.crossSite'));
    }
    expect(await heads()).toBe(before);
  });

  it('the site’s own pages pass the cross-site check', async () => {
    const passing: Record<string, string>[] = [{ origin: ORIGIN, 'sec-fetch-site': 'same-origin' }, { origin: 'null', 'sec-fetch-site': 'same-origin' }, {}];
    for (const headers of passing) {
      expect((await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', report, headers)))).status).toBe(201);
    }
  });

  it('a body over 6 MB is a 413 (JSON, and multipart evidence), and a status check over 16 KB too', async () => {
    const before = await heads();
    const json = await readNoStoreAnswer(await handleTips(new Request(`${ORIGIN}/api/tips`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...report, what: 'a'.repeat(6 * 1024 * 1024) }) })));
    expect(json.status).toBe(413);
    expect(json.body.error).toBe('body-too-large');
    const files = [1, 2, 3].map((n) => ({ name: `besar-${n}.jpg`, type: 'image/jpeg', bytes: new Uint8Array(2_200_000).fill(n) }));
    const multipart = await readNoStoreAnswer(await handleTips(await multipartPost('/api/tips', report, files)));
    expect(multipart.status).toBe(413);
    const followUp = await readNoStoreAnswer(await handleTipMessages(await multipartPost('/api/tips/messages', { receipt: generateReceipt(), message: 'Bukti tambahan.' }, files)));
    expect(followUp.status).toBe(413);
    const declared = await readNoStoreAnswer(await handleTips(new Request(`${ORIGIN}/api/tips`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(7 * 1024 * 1024) }, body: '{}' })));
    expect(declared.status).toBe(413);
    const status = await readNoStoreAnswer(await handleTipStatus(jsonPost('/api/tips/status', { receipt: 'x'.repeat(17 * 1024) })));
    expect(status.status).toBe(413);
    expect(await heads()).toBe(before);
  });

  it('a filled honeypot is a 422 that stores nothing, as JSON, sealed JSON and a form post that keeps what was typed', async () => {
    const before = await heads();
    for (const lang of LANGS) {
      const answer = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', { ...report, website: 'https://promo.example', lang })));
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({ error: 'honeypot', message: lang === 'id' ? 'Kosongkan kolom "Jangan isi kolom ini" di bagian bawah formulir, lalu kirim lagi.' : 'Empty the field "Leave this field empty" at the bottom of the form, then send again.' });
      const page = await readNoStoreAnswer(await handleTips(await multipartPost('/api/tips', { ...report, website: 'spam', lang })));
      expect(page.status).toBe(422);
      expect(page.text).toMatch(new RegExp(`<title>${t(lang, 'prereg.errorPrefix')}: `));
      expect(page.text).toContain(escapeHtml(lang === 'id' ? 'Kosongkan kolom "Jangan isi kolom ini"' : 'Empty the field "Leave this field empty"'));
      expect(page.text).toContain(escapeHtml(report.what as string));
    }
    const officers = [{ id: keys.officer.id, publicKey: keys.officer.publicKey }];
    const sealId = newSealId();
    const box = await sealReport({ category: 'calo', what: 'Calo meminta uang jalan.', childInvolved: 'tidak', contactWanted: false, files: [] }, officers, sealId);
    const sealed = await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', { website: 'x', sealed: { sealId, category: 'calo', childInvolved: 'tidak', report: box } })));
    expect(sealed.status).toBe(422);
    expect(sealed.body.error).toBe('honeypot');
    expect(await heads()).toBe(before);
    // A honeypot of spaces only is empty: a person did not fill it.
    expect((await readNoStoreAnswer(await handleTips(jsonPost('/api/tips', { ...report, website: '  ' })))).status).toBe(201);
  });
});
