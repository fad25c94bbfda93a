/**
 * The pre-registration API through its real handlers (JSON), against a real local Blobs server:
 * the happy path, every validation rule with its exact message in both languages, NIK warnings,
 * duplicates, idempotency, a crowded day, encryption at rest, storage failure, and HTTP edges.
 * Dates are taken relative to today (openDays()/applicant()), never pinned.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBlobsWithKeys, storedKeys as storedKeysIn, type LocalBlobs } from '../support/blobs.ts';
import type { TestKeys } from '../support/keys.ts';
import { jsonPost, ORIGIN } from '../support/http.ts';
import { applicant, asForm, closedDays, nikFor, openDays, type Applicant } from '../support/applicants.ts';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';
import { handleStatus } from '../../src/server/handlers/preregistration-status.ts';
import { handleDays } from '../../src/server/handlers/preregistration-days.ts';
import { decryptAsOfficer } from '../../src/server/personal-data.ts';
import { openStore, PREREGISTRATION_STORE, PreregistrationStore } from '../../src/server/preregistration-store.ts';
import { generateCode, normalizeCode } from '../../src/lib/registration-code.ts';
import { addDays, isRealDate, jakartaToday, weekday } from '../../src/lib/office-days.ts';
import { formData } from '../../src/generated/form-data.ts';

let blobs: LocalBlobs;
let keys: TestKeys;

beforeAll(async () => {
  ({ blobs, keys } = await startBlobsWithKeys());
});
afterAll(async () => blobs?.stop());

// ---------------------------------------------------------------- helpers

type Handler = (request: Request) => Promise<Response>;

/** Calls a handler and checks the headers every answer must carry. */
async function call(handler: Handler, request: Request): Promise<Response> {
  const response = await handler(request);
  expect(response.headers.get('cache-control'), `${request.method} ${request.url} → ${response.status}`).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  return response;
}

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  response: Response;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  if (response.status !== 303) expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return { status: response.status, body: text ? JSON.parse(text) : undefined, text, response };
}

const submit = async (body: unknown, headers: Record<string, string> = {}) =>
  answer(await call(handlePreregistrations, jsonPost('/api/preregistrations', body, headers)));

const checkStatus = async (code: string, birthDate: string) => answer(await call(handleStatus, jsonPost('/api/preregistrations/status', { code, birthDate })));

async function days(): Promise<{ capacity: number; days: { date: string; remaining: number }[] }> {
  const a = await answer(await call(handleDays, new Request(`${ORIGIN}/api/preregistrations/days`)));
  expect(a.status).toBe(200);
  return a.body;
}

const remainingOn = async (day: string) => (await days()).days.find((d) => d.date === day)?.remaining;

const storedKeys = (prefix: string) => storedKeysIn(blobs, PREREGISTRATION_STORE, prefix);

/** The same count through the Blobs API's own listing. */
async function listedRecords(): Promise<number> {
  return (await openStore().list({ prefix: 'records/' })).blobs.length;
}

const idDay = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const enDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const fmt = (day: string, lang: 'id' | 'en') => (lang === 'id' ? idDay : enDay).format(new Date(`${day}T00:00:00Z`));

/** The day `years` years before `day`; 28 February for a 29 February that the target year lacks. */
function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-');
  const year = String(Number(y) - years).padStart(4, '0');
  const candidate = `${year}-${m}-${d}`;
  return isRealDate(candidate) ? candidate : `${year}-02-28`;
}

async function decryptRecord(code: string): Promise<Record<string, unknown>> {
  const record = await new PreregistrationStore().getRecord(code);
  expect(record, `record ${code}`).toBeDefined();
  return (await decryptAsOfficer(record!.personal, keys.officer, code)) as Record<string, unknown>;
}

// The crowded-day test books the last open day; every other test keeps off it.
const crowdedDay = () => openDays().at(-1)!;

// ---------------------------------------------------------------- happy path

describe('a valid pre-registration', () => {
  it('answers 201 with code, visit day, checklist and confirmation link; status and days follow', async () => {
    const a = applicant();
    const before = await remainingOn(a.visitDate);
    expect(before).toBeGreaterThan(0);

    const created = await submit(a);
    expect(created.status, created.text).toBe(201);
    expect(created.response.headers.get('idempotent-replayed')).toBeNull();
    const body = created.body as { code: string; visitDate: string; checklist: unknown[]; confirmationUrl: string };
    expect(body.code).toMatch(/^LPG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizeCode(body.code)).toBe(body.code);
    expect(body.visitDate).toBe(a.visitDate);
    expect(body.confirmationUrl).toMatch(/^\/pra-daftar\/bukti\/\?t=v1\.[A-Za-z0-9_-]{40,}$/);
    expect(body.checklist.length).toBeGreaterThan(0);
    for (const item of body.checklist) {
      expect(item).toEqual(
        expect.objectContaining({ id: expect.stringMatching(/^[a-z0-9-]+$/), when: expect.stringMatching(/^(visit|later)$/), text: expect.any(String), basis: expect.any(String) }),
      );
    }
    expect(body.checklist).toContainEqual(expect.objectContaining({ id: 'ktp', when: 'visit', text: 'Bawa KTP asli dan fotokopinya' }));

    const status = await checkStatus(body.code, a.birthDate);
    expect(status.status, status.text).toBe(200);
    expect(status.body).toEqual({ status: 'received', visitDate: a.visitDate });
    // People type codes in lower case and without dashes.
    expect((await checkStatus(body.code.toLowerCase().replaceAll('-', ' '), a.birthDate)).status).toBe(200);

    const wrongBirthDate = await checkStatus(body.code, addDays(a.birthDate, 1));
    let unknownCode = generateCode();
    while (unknownCode === body.code) unknownCode = generateCode();
    const unknown = await checkStatus(unknownCode, a.birthDate);
    const malformed = await checkStatus('LPG-0000-0001', a.birthDate);
    expect(wrongBirthDate.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(wrongBirthDate.text).toBe(unknown.text);
    expect(malformed.text).toBe(unknown.text);
    expect(unknown.body).toEqual({
      error: 'not-found',
      message: 'Kami tidak menemukan pendaftaran dengan kode dan tanggal lahir itu. Periksa lagi kode dan tanggal lahir Anda.',
    });

    expect(await remainingOn(a.visitDate)).toBe(before! - 1);
  });

  it('answers in English with Accept-Language: en', async () => {
    const a = applicant();
    const created = await submit(a, { 'accept-language': 'en-GB,en;q=0.9,id;q=0.5' });
    expect(created.status, created.text).toBe(201);
    expect(created.body.confirmationUrl).toMatch(/^\/en\/pra-daftar\/bukti\/\?t=/);
    expect(created.body.checklist).toContainEqual(expect.objectContaining({ id: 'ktp', text: 'Bring your original ID card (KTP) and a photocopy' }));
  });

  it('the days endpoint lists every office day of the window with the capacity', async () => {
    const answerBody = await days();
    expect(answerBody.capacity).toBe(formData.capacityPerDay);
    expect(answerBody.days.map((d) => d.date)).toEqual(openDays());
    for (const d of answerBody.days) expect(d.remaining).toBeGreaterThanOrEqual(0);
  });

  it('the status endpoint refuses a missing code or date with 422 and messages', async () => {
    const missing = await answer(await call(handleStatus, jsonPost('/api/preregistrations/status', {})));
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ errors: { code: 'Masukkan kode pendaftaran', birthDate: 'Masukkan tanggal lahir' } });
    const en = await answer(await call(handleStatus, jsonPost('/api/preregistrations/status', { code: 'LPG-7K3M-9QX1', birthDate: '1999-02-30', lang: 'en' })));
    expect(en.status).toBe(422);
    expect(en.body).toEqual({ errors: { birthDate: 'Date of birth must be a real date, for example 2000-08-17' } });
  });
});

// ---------------------------------------------------------------- validation

const REQUIRED: Record<string, { id: string; en: string }> = {
  fullName: { id: 'Masukkan nama lengkap sesuai KTP', en: 'Enter your full name as on your ID card (KTP)' },
  nik: { id: 'Masukkan NIK (Nomor Induk Kependudukan) dari KTP Anda', en: 'Enter the NIK (national identity number) from your ID card' },
  birthDate: { id: 'Masukkan tanggal lahir', en: 'Enter your date of birth' },
  sex: { id: 'Pilih jenis kelamin sesuai KTP', en: 'Select your sex as on your ID card' },
  phone: { id: 'Masukkan nomor HP (WhatsApp)', en: 'Enter your mobile (WhatsApp) number' },
  regency: { id: 'Pilih kabupaten/kota sesuai KTP', en: 'Select the regency or city on your ID card' },
  address: { id: 'Masukkan alamat sesuai KTP', en: 'Enter your address as on your ID card' },
  education: { id: 'Pilih pendidikan terakhir', en: 'Select your highest education' },
  destinationCountry: { id: 'Pilih negara tujuan', en: 'Select a destination country' },
  jobSector: { id: 'Pilih jenis pekerjaan', en: 'Select the kind of job' },
  scheme: { id: 'Pilih skema penempatan, atau “Belum tahu”', en: 'Select a placement scheme, or “Not sure yet”' },
  hasPassport: { id: 'Pilih apakah Anda sudah punya paspor', en: 'Select whether you already have a passport' },
  maritalStatus: { id: 'Pilih status perkawinan', en: 'Select your marital status' },
  visitDate: { id: 'Pilih hari kunjungan', en: 'Select a visit day' },
  consent: {
    id: 'Centang persetujuan jika Anda setuju data Anda diproses. Tanpa persetujuan, kami tidak bisa menerima pendaftaran',
    en: 'Tick the consent box if you agree to your data being processed. Without consent we cannot accept the registration',
  },
};

/** Submits in both languages (header for one, `lang` field for the other) and checks the one field error. */
async function expectFieldError(body: Record<string, unknown>, field: string, message: { id: string; en: string }) {
  const before = storedKeys('records/').length;
  const id = await submit(body);
  expect(id.status, id.text).toBe(422);
  expect(id.body).toEqual({ errors: { [field]: message.id } });
  const enByHeader = await submit(body, { 'accept-language': 'en' });
  expect(enByHeader.status).toBe(422);
  expect(enByHeader.body).toEqual({ errors: { [field]: message.en } });
  const enByField = await submit({ ...body, lang: 'en' }, { 'accept-language': 'id' });
  expect(enByField.body).toEqual({ errors: { [field]: message.en } });
  expect(storedKeys('records/').length).toBe(before);
}

describe('validation: 422 with a message per field', () => {
  it('an empty body names every field, in both languages', async () => {
    const id = await submit({});
    expect(id.status).toBe(422);
    expect(id.body).toEqual({ errors: Object.fromEntries(Object.entries(REQUIRED).map(([k, v]) => [k, v.id])) });
    const en = await submit({ lang: 'en' });
    expect(en.body).toEqual({ errors: Object.fromEntries(Object.entries(REQUIRED).map(([k, v]) => [k, v.en])) });
  });

  it.each(Object.keys(REQUIRED).filter((f) => f !== 'consent'))('a missing or blank %s is required', async (field) => {
    const a: Record<string, unknown> = { ...applicant() };
    delete a[field];
    await expectFieldError(a, field, REQUIRED[field]!);
    await expectFieldError({ ...applicant(), [field]: '   ' }, field, REQUIRED[field]!);
  });

  it.each([
    ['wrong length (15 digits)', '180401570899001', { id: 'NIK harus 16 angka', en: 'NIK must be 16 digits' }],
    ['wrong length (17 digits)', '18040157089900011', { id: 'NIK harus 16 angka', en: 'NIK must be 16 digits' }],
    ['letters', '18040157O8990001', { id: 'NIK hanya boleh berisi angka', en: 'NIK must only include numbers' }],
    [
      'impossible day 32',
      '1804013208990001',
      {
        id: 'Angka tanggal lahir di NIK (angka ke-7 sampai ke-12) tidak benar. Periksa lagi NIK di KTP Anda',
        en: 'The birth-date digits of the NIK (digits 7 to 12) are not right. Check the NIK on your ID card',
      },
    ],
    [
      'impossible month 13',
      '1804015713990001',
      {
        id: 'Angka tanggal lahir di NIK (angka ke-7 sampai ke-12) tidak benar. Periksa lagi NIK di KTP Anda',
        en: 'The birth-date digits of the NIK (digits 7 to 12) are not right. Check the NIK on your ID card',
      },
    ],
    [
      'serial 0000',
      '1804015708990000',
      { id: '4 angka terakhir NIK tidak boleh 0000. Periksa lagi NIK di KTP Anda', en: 'The last 4 digits of the NIK cannot be 0000. Check the NIK on your ID card' },
    ],
  ])('a NIK with %s', async (_name, nik, message) => {
    await expectFieldError({ ...applicant(), nik }, 'nik', message);
  });

  it('a NIK typed with spaces, dots and dashes is accepted and stored as 16 digits', async () => {
    const a = applicant();
    const typed = `${a.nik.slice(0, 4)} ${a.nik.slice(4, 8)}.${a.nik.slice(8, 12)}-${a.nik.slice(12)}`;
    const created = await submit({ ...a, nik: typed });
    expect(created.status, created.text).toBe(201);
    expect((await decryptRecord(created.body.code)).nik).toBe(a.nik);
  });

  it('under 18 on the visit day is refused; 18 on the visit day (17 today) is accepted', async () => {
    const visitDate = applicant().visitDate;
    const eighteenOnVisit = yearsBefore(visitDate, 18);
    const dayTooYoung = addDays(eighteenOnVisit, 1);
    await expectFieldError({ ...applicant({ visitDate, birthDate: dayTooYoung }), nik: nikFor(dayTooYoung, 'P') }, 'birthDate', {
      id: 'Anda harus berumur paling sedikit 18 tahun pada hari kunjungan (UU 18/2017 Pasal 5)',
      en: 'You must be at least 18 years old on the day of your visit (UU 18/2017 article 5)',
    });
    const ok = await submit({ ...applicant({ visitDate, birthDate: eighteenOnVisit }), nik: nikFor(eighteenOnVisit, 'P') });
    expect(ok.status, ok.text).toBe(201);
  });

  it('a birth date that is not a real date, or in the future', async () => {
    await expectFieldError({ ...applicant(), birthDate: '1999-02-30' }, 'birthDate', {
      id: 'Tanggal lahir harus tanggal yang benar, misalnya 2000-08-17',
      en: 'Date of birth must be a real date, for example 2000-08-17',
    });
    await expectFieldError({ ...applicant(), birthDate: addDays(jakartaToday(), 2) }, 'birthDate', {
      id: 'Tanggal lahir harus sebelum hari ini',
      en: 'Date of birth must be in the past',
    });
  });

  it('the phone number is stored normalised to +62', async () => {
    const a = applicant({ phone: '0812-3456-7890' });
    const created = await submit(a);
    expect(created.status, created.text).toBe(201);
    const personal = await decryptRecord(created.body.code);
    expect(personal.phone).toBe('+6281234567890');
    expect(personal).toEqual(
      expect.objectContaining({ fullName: a.fullName, nik: a.nik, birthDate: a.birthDate, sex: a.sex, address: a.address, nikMismatchConfirmed: false }),
    );
  });

  it('a phone number that is not an Indonesian mobile is refused', async () => {
    for (const phone of ['12345', '021 555 1234', '+1 415 555 0100', '0812']) {
      await expectFieldError({ ...applicant(), phone }, 'phone', {
        id: 'Masukkan nomor HP Indonesia yang diawali 08 atau +62, dengan 10 sampai 13 angka',
        en: 'Enter an Indonesian mobile number starting with 08 or +62, with 10 to 13 digits',
      });
    }
  });

  it('a regency outside Lampung is refused', async () => {
    const message = { id: 'Pilih kabupaten/kota di Provinsi Lampung dari daftar', en: 'Select a regency or city of Lampung Province from the list' };
    await expectFieldError({ ...applicant(), regency: '3201' }, 'regency', message); // Kabupaten Bogor
    await expectFieldError({ ...applicant(), regency: '1899' }, 'regency', message); // Lampung's prefix, no such regency
  });

  it('an unknown destination is refused', async () => {
    await expectFieldError({ ...applicant(), destinationCountry: 'atlantis' }, 'destinationCountry', {
      id: 'Pilih negara tujuan dari daftar',
      en: 'Select a destination country from the list',
    });
  });

  it('Arab Saudi with household or carer work is refused with the moratorium message and the notice link', async () => {
    const rule = formData.destinations.find((d) => d.slug === 'arab-saudi')!.rules.find((r) => r.status === 'moratorium')!;
    expect(rule.notice).toBe('2015-07-01-moratorium-timur-tengah');
    await expectFieldError({ ...applicant(), destinationCountry: 'arab-saudi', jobSector: 'rumah-tangga' }, 'jobSector', {
      id: `Penempatan untuk pekerjaan rumah tangga ke Arab Saudi sedang dihentikan (moratorium). ${rule.basis.id} Pilih pekerjaan atau negara lain (/pengumuman/#2015-07-01-moratorium-timur-tengah)`,
      en: `Placement for household work in Saudi Arabia is stopped (moratorium). ${rule.basis.en} Choose another job or country (/en/pengumuman/#2015-07-01-moratorium-timur-tengah)`,
    });
    const carer = await submit({ ...applicant(), destinationCountry: 'arab-saudi', jobSector: 'pengasuh' });
    expect(carer.status).toBe(422);
    expect(carer.body.errors.jobSector).toMatch(/^Penempatan untuk pengasuh bayi, anak atau lansia ke Arab Saudi sedang dihentikan \(moratorium\)\. .*\(\/pengumuman\/#2015-07-01-moratorium-timur-tengah\)$/);
    // Other work in Arab Saudi stays open.
    const other = await submit({ ...applicant(), destinationCountry: 'arab-saudi', jobSector: 'konstruksi' });
    expect(other.status, other.text).toBe(201);
  });

  it('a visit day of today is refused', async () => {
    await expectFieldError({ ...applicant(), visitDate: jakartaToday() }, 'visitDate', {
      id: 'Hari kunjungan paling cepat besok',
      en: 'The earliest visit day is tomorrow',
    });
  });

  it('a Saturday or Sunday is refused', async () => {
    const today = jakartaToday();
    const weekend = [1, 2, 3, 4, 5, 6, 7].map((n) => addDays(today, n)).filter((d) => weekday(d) === 0 || weekday(d) === 6);
    expect(weekend).toHaveLength(2);
    for (const visitDate of weekend) {
      await expectFieldError({ ...applicant(), visitDate }, 'visitDate', {
        id: 'Kantor tutup pada hari Sabtu dan Minggu. Pilih hari Senin sampai Jumat',
        en: 'The office is closed on Saturdays and Sundays. Choose a day from Monday to Friday',
      });
    }
  });

  it('a holiday from the data is refused', async () => {
    // Today is set a week before a weekday holiday of the data, so the rule is tested whatever the real date.
    const holiday = [...closedDays].find((d) => weekday(d) >= 1 && weekday(d) <= 5)!;
    expect(holiday).toBeDefined();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(`${addDays(holiday, -7)}T03:00:00Z`));
      expect(jakartaToday()).toBe(addDays(holiday, -7));
      await expectFieldError({ ...applicant({ visitDate: holiday }) }, 'visitDate', {
        id: `Kantor tutup pada ${fmt(holiday, 'id')} karena hari libur. Pilih hari lain`,
        en: `The office is closed on ${fmt(holiday, 'en')} for a public holiday. Choose another day`,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a day beyond 30 days is refused; a date that does not exist too', async () => {
    const today = jakartaToday();
    await expectFieldError({ ...applicant(), visitDate: addDays(today, 31) }, 'visitDate', {
      id: `Hari kunjungan paling lambat ${fmt(addDays(today, 30), 'id')}`,
      en: `The latest visit day is ${fmt(addDays(today, 30), 'en')}`,
    });
    await expectFieldError({ ...applicant(), visitDate: '2026-02-30' }, 'visitDate', {
      id: 'Hari kunjungan harus tanggal yang benar, misalnya 2026-12-01',
      en: 'Visit day must be a real date, for example 2026-12-01',
    });
  });

  it('consent missing, false or "tidak" is refused', async () => {
    const { consent: _omit, ...withoutConsent } = applicant();
    await expectFieldError(withoutConsent, 'consent', REQUIRED.consent!);
    await expectFieldError({ ...applicant(), consent: false }, 'consent', REQUIRED.consent!);
    await expectFieldError({ ...applicant(), consent: 'tidak' }, 'consent', REQUIRED.consent!);
  });

  it('every problem is reported at once', async () => {
    const result = await submit({ ...applicant(), nik: '123', phone: 'x', regency: '3201', consent: false });
    expect(result.status).toBe(422);
    expect(Object.keys(result.body.errors)).toEqual(['nik', 'phone', 'regency', 'consent']);
  });
});

// ---------------------------------------------------------------- NIK mismatch

describe('a birth date or sex that disagrees with the NIK', () => {
  const birthMessage = {
    id: 'Tanggal lahir yang Anda isi berbeda dengan NIK. Periksa lagi. Jika isian Anda sudah sesuai KTP, centang “Data saya sudah benar”',
    en: 'The date of birth you entered differs from the NIK. Check again. If what you entered matches your ID card, tick “My details are correct”',
  };

  it('is a warning (422 on nik) until the applicant confirms it', async () => {
    const a = applicant();
    const otherBirthDate = addDays(a.birthDate, 3);
    await expectFieldError({ ...a, birthDate: otherBirthDate }, 'nik', birthMessage);
    const confirmed = await submit({ ...a, birthDate: otherBirthDate, confirmNikMismatch: true });
    expect(confirmed.status, confirmed.text).toBe(201);
    const personal = await decryptRecord(confirmed.body.code);
    expect(personal.nikMismatchConfirmed).toBe(true);
    expect(personal.birthDate).toBe(otherBirthDate);
    // The status check uses the birth date the applicant gave.
    expect((await checkStatus(confirmed.body.code, otherBirthDate)).status).toBe(200);
  });

  it('the sex, and both at once, have their own sentences', async () => {
    const a = applicant({ sex: 'P' });
    await expectFieldError({ ...a, sex: 'L' }, 'nik', {
      id: 'Jenis kelamin yang Anda isi berbeda dengan NIK. Periksa lagi. Jika isian Anda sudah sesuai KTP, centang “Data saya sudah benar”',
      en: 'The sex you entered differs from the NIK. Check again. If what you entered matches your ID card, tick “My details are correct”',
    });
    await expectFieldError({ ...a, sex: 'L', birthDate: '1998-01-02' }, 'nik', {
      id: 'Tanggal lahir dan jenis kelamin yang Anda isi berbeda dengan NIK. Periksa lagi. Jika isian Anda sudah sesuai KTP, centang “Data saya sudah benar”',
      en: 'The date of birth and sex you entered differs from the NIK. Check again. If what you entered matches your ID card, tick “My details are correct”',
    });
    const confirmed = await submit({ ...a, sex: 'L', confirmNikMismatch: true });
    expect(confirmed.status, confirmed.text).toBe(201);
  });
});

// ---------------------------------------------------------------- duplicates

describe('one active pre-registration per NIK', () => {
  it('a second one with the same NIK is 409 with no personal data in the answer', async () => {
    const a = applicant({ fullName: 'Dewi Lestari Anggraini', phone: '0813-9876-5432' });
    expect((await submit(a)).status).toBe(201);
    const again = await submit({ ...a, visitDate: openDays()[0]! });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: 'duplicate',
      message:
        'Sudah ada pendaftaran awal yang aktif untuk NIK ini. Satu orang hanya boleh punya satu pendaftaran awal yang aktif. Lihat status dengan kode pendaftaran Anda, atau datang ke kantor pada hari kunjungan Anda.',
    });
    for (const personal of [a.nik, a.fullName, 'Dewi', a.phone, '081398765432', '+6281398765432', a.birthDate, a.address]) {
      expect(again.text).not.toContain(personal);
    }
    const en = await submit(a, { 'accept-language': 'en' });
    expect(en.status).toBe(409);
    expect(en.body.message).toMatch(/^There is already an active pre-registration for this NIK\./);

    const other = await submit({ ...a, nik: nikFor(a.birthDate, a.sex) });
    expect(other.status, other.text).toBe(201);
  });

  it('concurrent submissions with one NIK store one record (and the sixth in a day is 429)', async () => {
    const a = applicant();
    const before = storedKeys('records/').length;
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(a)));
    // Five submissions a day reach the NIK check; the sixth is refused by the per-NIK limit.
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 429]);
    expect(storedKeys('records/').length).toBe(before + 1);
  });
});

// ---------------------------------------------------------------- idempotency

describe('Idempotency-Key', () => {
  it('the same request twice gets the same answer and stores one record', async () => {
    const a = applicant();
    const key = randomUUID();
    const before = await listedRecords();
    const first = await submit(a, { 'idempotency-key': key });
    const second = await submit(a, { 'idempotency-key': key });
    expect(first.status, first.text).toBe(201);
    expect(second.status, second.text).toBe(201);
    expect(second.body.code).toBe(first.body.code);
    expect(second.body.visitDate).toBe(first.body.visitDate);
    expect(second.body.checklist).toEqual(first.body.checklist);
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    expect(second.response.headers.get('idempotent-replayed')).toBe('true');
    expect(await listedRecords()).toBe(before + 1);
    expect(storedKeys('records/').filter((k) => k === `records/${first.body.code}`)).toHaveLength(1);
  });

  it('concurrent duplicates with one key yield one record and one code', async () => {
    const a = applicant();
    const key = randomUUID();
    const before = await listedRecords();
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(a, { 'idempotency-key': key })));
    for (const r of results) expect(r.status, r.text).toBe(201);
    expect(new Set(results.map((r) => r.body.code)).size).toBe(1);
    expect(results.filter((r) => r.response.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    expect(await listedRecords()).toBe(before + 1);
  });

  it('a key longer than 200 characters is refused with 400', async () => {
    const result = await submit(applicant(), { 'idempotency-key': 'k'.repeat(201) });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: 'idempotency-key-too-long' });
  });
});

// ---------------------------------------------------------------- a crowded day

describe('300 applicants for one day with 40 places', () => {
  it('accepts exactly 40 and refuses 260 with "sudah penuh"; every accepted code is found', async () => {
    const saved = process.env.PREREG_CAPACITY;
    process.env.PREREG_CAPACITY = '40';
    try {
      const day = crowdedDay();
      expect(storedKeys(`slots/${day}/`)).toHaveLength(0);
      const recordsBefore = storedKeys('records/').length;
      // Each with their own birth date, so the status checks below prove each code is tied to its person.
      const people = Array.from({ length: 300 }, (_, i) => applicant({ visitDate: day, birthDate: addDays('1985-01-01', i * 17) }));
      const results = await Promise.all(people.map((p) => submit(p)));

      const statuses = new Map<number, number>();
      for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(Object.fromEntries(statuses)).toEqual({ 201: 40, 422: 260 });
      for (const r of results.filter((x) => x.status === 422)) {
        expect(Object.keys(r.body.errors)).toEqual(['visitDate']);
        expect(r.body.errors.visitDate).toMatch(new RegExp(`^Hari kunjungan ${fmt(day, 'id')} sudah penuh\\. Pilih hari lain`));
      }

      const accepted = results.flatMap((r, i) => (r.status === 201 ? [{ code: r.body.code as string, person: people[i]! }] : []));
      expect(new Set(accepted.map((a) => a.code)).size).toBe(40);
      const statusChecks = await Promise.all(accepted.map((a) => checkStatus(a.code, a.person.birthDate)));
      for (const s of statusChecks) expect(s.body).toEqual({ status: 'received', visitDate: day });
      expect((await checkStatus(accepted[0]!.code, accepted[1]!.person.birthDate)).status).toBe(404);

      expect(storedKeys(`slots/${day}/`)).toHaveLength(40);
      expect(storedKeys('records/').length - recordsBefore).toBe(40);
      expect(await remainingOn(day)).toBe(0);

      // A refused applicant holds nothing: the same NIK books another day.
      const refused = people[results.findIndex((r) => r.status === 422)]!;
      const elsewhere = await submit({ ...refused, visitDate: openDays()[0]! });
      expect(elsewhere.status, elsewhere.text).toBe(201);
    } finally {
      if (saved === undefined) delete process.env.PREREG_CAPACITY;
      else process.env.PREREG_CAPACITY = saved;
    }
  });
});

// ---------------------------------------------------------------- privacy at rest

describe('personal data at rest', () => {
  it('no submitted personal value is stored in plain text, and an officer can decrypt the record', async () => {
    const a: Applicant = applicant({
      fullName: 'Rara Kinasih Wulandari',
      birthDate: '1987-03-14',
      sex: 'L',
      phone: '0857-1122-3344',
      address: 'Dusun Sidorejo Lor RT 07 RW 03, Desa Qwertyasri, Kecamatan Zebrakarta',
    });
    const created = await submit(a);
    expect(created.status, created.text).toBe(201);
    const code = created.body.code as string;

    const secrets = [a.fullName, 'Wulandari', a.nik, a.nik.slice(6), a.phone, '085711223344', '+6285711223344', '6285711223344', a.address, 'Qwertyasri', a.birthDate, '14-03-1987', '19870314'];
    const files = blobs.files();
    expect(files.some((f) => f.path.endsWith(`/records/${code}`))).toBe(true);
    for (const file of files) for (const value of secrets) expect(file.text.includes(value), `${value} in ${file.path}`).toBe(false);

    const personal = await decryptRecord(code);
    expect(personal).toEqual({
      fullName: a.fullName,
      nik: a.nik,
      birthDate: a.birthDate,
      sex: a.sex,
      phone: '+6285711223344',
      address: a.address,
      education: a.education,
      jobSector: a.jobSector,
      scheme: a.scheme,
      hasPassport: a.hasPassport,
      maritalStatus: a.maritalStatus,
      nikMismatchConfirmed: false,
      consentGiven: jakartaToday(),
    });
    // The code is bound as associated data: the envelope does not open as another record.
    const record = await new PreregistrationStore().getRecord(code);
    await expect(decryptAsOfficer(record!.personal, keys.officer, generateCode())).rejects.toThrow();
  });
});

// ---------------------------------------------------------------- storage failure

describe('when Blobs cannot be reached', () => {
  const snapshot = () => ({ records: storedKeys('records/').length, nik: storedKeys('nik/').length, slots: storedKeys('slots/').length, idempotency: storedKeys('idempotency/').length });

  it('a JSON submission answers 503 "belum tersimpan" and nothing is kept', async () => {
    const a = applicant();
    const before = snapshot();
    const remaining = await remainingOn(a.visitDate);
    await blobs.pause();
    let failed: Answer;
    let failedWithKey: Answer;
    const key = randomUUID();
    try {
      failed = await submit(a);
      failedWithKey = await submit(a, { 'idempotency-key': key });
    } finally {
      await blobs.resume();
    }
    for (const r of [failed, failedWithKey]) {
      expect(r.status).toBe(503);
      expect(r.body).toEqual({
        error: 'service-unavailable',
        message: 'Pendaftaran belum tersimpan karena gangguan di sistem kami. Coba kirim lagi beberapa menit lagi.',
      });
    }
    expect(snapshot()).toEqual(before);
    expect(await remainingOn(a.visitDate)).toBe(remaining);

    const retried = await submit(a, { 'idempotency-key': key });
    expect(retried.status, retried.text).toBe(201);
    expect(retried.response.headers.get('idempotent-replayed')).toBeNull();
    expect((await checkStatus(retried.body.code, a.birthDate)).status).toBe(200);
  });

  it('the status and days endpoints answer 503 JSON', async () => {
    await blobs.pause();
    try {
      const status = await answer(await call(handleStatus, jsonPost('/api/preregistrations/status', { code: generateCode(), birthDate: '1999-08-17' })));
      expect(status.status).toBe(503);
      expect(status.body.error).toBe('service-unavailable');
      const daysAnswer = await answer(await call(handleDays, new Request(`${ORIGIN}/api/preregistrations/days`)));
      expect(daysAnswer.status).toBe(503);
    } finally {
      await blobs.resume();
    }
  });

  it('a form confirm answers 503 HTML that keeps every typed value', async () => {
    const a = applicant({ fullName: "Siti 'Ani' Aminah", address: 'Jl. "Mawar" No. 5 & RT 01, Desa Sukadana', phone: '0812 3456 7890' });
    const before = snapshot();
    await blobs.pause();
    let response: Response;
    try {
      response = await call(
        handlePreregistrations,
        new Request(`${ORIGIN}/api/preregistrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: asForm({ ...a, action: 'confirm', idempotencyKey: randomUUID() }),
        }),
      );
    } finally {
      await blobs.resume();
    }
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('Pendaftaran Anda belum tersimpan');
    expect(page).toMatch(/<title>Kesalahan: /);
    expect(page).toContain('value="Siti &#39;Ani&#39; Aminah"');
    expect(page).toContain(`value="${a.nik}"`);
    expect(page).toContain(`value="${a.birthDate}"`);
    expect(page).toContain('value="0812 3456 7890"');
    expect(page).toMatch(/<textarea[^>]*id="address"[^>]*>Jl\. &quot;Mawar&quot; No\. 5 &amp; RT 01, Desa Sukadana<\/textarea>/);
    expect(page).not.toContain('Jl. "Mawar"');
    expect(page).toContain(`value="${a.visitDate}"`);
    expect(page).toContain(`<option value="${a.regency}" selected>`);
    expect(page).toContain(`<option value="${a.education}" selected>`);
    expect(page).toContain(`<option value="${a.destinationCountry}" selected>`);
    for (const [name, value] of [['sex', a.sex], ['jobSector', a.jobSector], ['scheme', a.scheme], ['hasPassport', 'tidak'], ['maritalStatus', a.maritalStatus]]) {
      expect(page, name).toMatch(new RegExp(`name="${name}" value="${value}" checked`));
    }
    expect(page).toMatch(/id="consent" name="consent" value="ya" checked/);
    expect(snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------- HTTP edges

describe('HTTP edges', () => {
  const post = (body: BodyInit | null, headers: Record<string, string>, init: RequestInit = {}) =>
    new Request(`${ORIGIN}/api/preregistrations`, { method: 'POST', headers, body, ...init });

  it('GET is 405 with Allow: POST (and POST on the days endpoint is 405 with Allow: GET)', async () => {
    for (const handler of [handlePreregistrations, handleStatus]) {
      const r = await answer(await call(handler, new Request(`${ORIGIN}/api/preregistrations`)));
      expect(r.status).toBe(405);
      expect(r.response.headers.get('allow')).toBe('POST');
      expect(r.body).toEqual({ error: 'method-not-allowed' });
    }
    const d = await answer(await call(handleDays, jsonPost('/api/preregistrations/days', {})));
    expect(d.status).toBe(405);
    expect(d.response.headers.get('allow')).toBe('GET');
  });

  it('text/plain is 415; a missing content type too', async () => {
    for (const headers of [{ 'content-type': 'text/plain' }, {}] as Record<string, string>[]) {
      const r = await answer(await call(handlePreregistrations, post(JSON.stringify(applicant()), headers)));
      expect(r.status).toBe(415);
      expect(r.body.error).toBe('unsupported-media-type');
    }
  });

  it('malformed JSON, a JSON array or scalar, and invalid UTF-8 are 400', async () => {
    const cases: [BodyInit, string][] = [
      ['{"fullName": "Siti",', 'malformed-body'],
      ['[1,2,3]', 'body-must-be-an-object'],
      [JSON.stringify([applicant()]), 'body-must-be-an-object'],
      ['null', 'body-must-be-an-object'],
      ['"text"', 'body-must-be-an-object'],
      [new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'malformed-body'],
    ];
    for (const [body, error] of cases) {
      const r = await answer(await call(handlePreregistrations, post(body, { 'content-type': 'application/json' })));
      expect(r.status, String(body)).toBe(400);
      expect(r.body).toEqual({ error });
    }
  });

  it('a body over 16 KB is 413, declared or streamed; exactly 16 KB is read', async () => {
    const padded = (size: number) => {
      const base = JSON.stringify(applicant());
      return `${base.slice(0, -1)}${' '.repeat(size - base.length)}}`;
    };
    const exact = padded(16 * 1024);
    expect(Buffer.byteLength(exact)).toBe(16384);
    const ok = await answer(await call(handlePreregistrations, post(exact, { 'content-type': 'application/json', 'content-length': '16384' })));
    expect(ok.status, ok.text).toBe(201);

    const over = padded(16 * 1024 + 1);
    const declared = await answer(await call(handlePreregistrations, post(over, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(over)) })));
    expect(declared.status).toBe(413);
    expect(declared.body).toEqual({ error: 'body-too-large', limit: 16384 });
    // A declared length alone is refused before reading.
    const lying = await answer(await call(handlePreregistrations, post('{}', { 'content-type': 'application/json', 'content-length': '100000' })));
    expect(lying.status).toBe(413);

    // A stream with no Content-Length that never ends: the handler stops reading past the limit.
    let pulls = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode(`{"fullName":"${'a'.repeat(4000)}`);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const streamed = post(stream, { 'content-type': 'application/json' }, { duplex: 'half' } as RequestInit);
    expect(streamed.headers.get('content-length')).toBeNull();
    const r = await answer(await call(handlePreregistrations, streamed));
    expect(r.status).toBe(413);
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(10);

    const formStream = new ReadableStream<Uint8Array>({ pull: (c) => c.enqueue(new TextEncoder().encode('fullName=' + 'b'.repeat(5000))) });
    const formAnswer = await call(handlePreregistrations, post(formStream, { 'content-type': 'application/x-www-form-urlencoded' }, { duplex: 'half' } as RequestInit));
    expect(formAnswer.status).toBe(413);
  });

  it('missing or broken configuration is 503, not 500', async () => {
    const saved = { secret: process.env.LTSA_SERVER_SECRET, keys: process.env.OFFICER_PUBLIC_KEYS, capacity: process.env.PREREG_CAPACITY };
    const restore = () => {
      process.env.LTSA_SERVER_SECRET = saved.secret;
      process.env.OFFICER_PUBLIC_KEYS = saved.keys;
      if (saved.capacity === undefined) delete process.env.PREREG_CAPACITY;
      else process.env.PREREG_CAPACITY = saved.capacity;
    };
    const expectUnavailable = async () => {
      const created = await submit(applicant());
      expect(created.status).toBe(503);
      expect(created.body.message).toContain('belum tersimpan');
      const status = await answer(await call(handleStatus, jsonPost('/api/preregistrations/status', { code: generateCode(), birthDate: '1999-08-17' })));
      expect(status.status).toBe(503);
      const daysAnswer = await answer(await call(handleDays, new Request(`${ORIGIN}/api/preregistrations/days`)));
      expect(daysAnswer.status).toBe(503);
      const form = await call(
        handlePreregistrations,
        new Request(`${ORIGIN}/api/preregistrations`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: asForm({ ...applicant(), action: 'confirm' }) }),
      );
      expect(form.status).toBe(503);
      expect(await form.text()).toContain('value="Siti Aminah"');
    };
    try {
      delete process.env.LTSA_SERVER_SECRET;
      await expectUnavailable();
      restore();
      process.env.LTSA_SERVER_SECRET = Buffer.alloc(8).toString('base64');
      await expectUnavailable();
      restore();
      process.env.OFFICER_PUBLIC_KEYS = 'officer-without-key';
      await expectUnavailable();
      restore();
      process.env.PREREG_CAPACITY = 'many';
      await expectUnavailable();
    } finally {
      restore();
    }
    expect((await submit(applicant())).status).toBe(201);
  });
});
