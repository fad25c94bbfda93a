/**
 * The no-JavaScript journey through the real handlers with application/x-www-form-urlencoded posts:
 * form with errors (GOV.UK error summary and field errors), "check your answers", confirm, the
 * confirmation page, changing an answer, and the English journey.
 *
 * The handlers fetch the page frame from the request's origin, which no server serves here, so they
 * fall back to their plain frame: these tests assert on the content, not on the site header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { startBlobs, storedKeys as storedKeysIn, type LocalBlobs } from '../support/blobs.ts';
import { testKeys, useKeys } from '../support/keys.ts';
import { applicant, asForm, type Applicant } from '../support/applicants.ts';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';
import { handleConfirmation } from '../../src/server/handlers/preregistration-confirmation.ts';
import { handleStatus } from '../../src/server/handlers/preregistration-status.ts';
import { PREREGISTRATION_STORE } from '../../src/server/preregistration-store.ts';
import { normalizeCode } from '../../src/lib/registration-code.ts';
import { addDays, jakartaToday } from '../../src/lib/office-days.ts';

const ORIGIN = 'http://localhost';

let blobs: LocalBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
  useKeys(await testKeys());
});
afterAll(async () => blobs?.stop());

// ---------------------------------------------------------------- helpers

type Handler = (request: Request) => Promise<Response>;

async function call(handler: Handler, request: Request): Promise<Response> {
  const response = await handler(request);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  return response;
}

interface Page {
  status: number;
  html: string;
  root: HTMLElement;
  response: Response;
}

async function post(fields: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Page> {
  const response = await call(
    handlePreregistrations,
    new Request(`${ORIGIN}/api/preregistrations`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: asForm(fields) }),
  );
  const html = await response.text();
  if (response.status !== 303) expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return { status: response.status, html, root: parse(html), response };
}

async function confirmationPage(location: string): Promise<Page> {
  const response = await call(handleConfirmation, new Request(`${ORIGIN}${location}`));
  const html = await response.text();
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return { status: response.status, html, root: parse(html), response };
}

/** The fields a browser would send back from a page's form: hidden inputs only ("check your answers"). */
function hiddenFields(root: HTMLElement): Record<string, string> {
  return Object.fromEntries(root.querySelectorAll('input[type=hidden]').map((i) => [i.getAttribute('name')!, i.getAttribute('value') ?? '']));
}

/** What each control of the pre-registration form shows, as the browser would submit it. */
function shownValues(root: HTMLElement): Record<string, string | undefined> {
  const form = root.querySelector('form#prereg');
  expect(form, 'the form').not.toBeNull();
  const out: Record<string, string | undefined> = {};
  for (const input of form!.querySelectorAll('input')) {
    const name = input.getAttribute('name')!;
    const type = input.getAttribute('type');
    if (type === 'hidden') continue;
    if (type === 'radio' || type === 'checkbox') {
      if (input.hasAttribute('checked')) out[name] = input.getAttribute('value');
      continue;
    }
    out[name] = input.getAttribute('value');
  }
  for (const textarea of form!.querySelectorAll('textarea')) out[textarea.getAttribute('name')!] = textarea.text;
  for (const select of form!.querySelectorAll('select')) out[select.getAttribute('name')!] = select.querySelector('option[selected]')?.getAttribute('value');
  return out;
}

/** A submitted applicant as its form fields' strings. */
const asStrings = (a: Partial<Applicant>) => Object.fromEntries(new URLSearchParams(asForm(a)).entries());

const storedKeys = (prefix: string) => storedKeysIn(blobs, PREREGISTRATION_STORE, prefix);

const longDay = (day: string, lang: 'id' | 'en') =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** Walks the journey to "check your answers" and returns its hidden fields. */
async function review(a: object): Promise<Record<string, string>> {
  const page = await post({ ...a, action: 'review' });
  expect(page.status, page.html).toBe(200);
  return hiddenFields(page.root);
}

function codeOn(page: Page): string {
  const code = page.root.querySelector('#kode')?.text.trim() ?? '';
  expect(normalizeCode(code)).toBe(code);
  return code;
}

// ---------------------------------------------------------------- errors

describe('a form with errors', () => {
  it('answers 422 with the GOV.UK error summary, linked field errors, "Kesalahan: " title, and every typed value', async () => {
    const a = applicant({ fullName: "Siti 'Ani' Aminah", address: 'RT <b>&' });
    const fields = { ...a, nik: '1804 0157 0899 00AB', phone: '12345', consent: undefined, action: 'review' };
    const before = storedKeys('records/').length;
    const page = await post(fields);
    expect(page.status).toBe(422);

    const title = page.root.querySelector('title')!.text;
    expect(title.startsWith('Kesalahan: Daftar awal sebelum datang ke kantor')).toBe(true);
    expect(page.root.querySelector('h1')!.text).toBe('Daftar awal sebelum datang ke kantor');

    const expected: [string, string][] = [
      ['nik', 'NIK hanya boleh berisi angka'],
      ['phone', 'Masukkan nomor HP Indonesia yang diawali 08 atau +62, dengan 10 sampai 13 angka'],
      ['address', 'Alamat terlalu pendek. Tulis jalan atau dusun, RT/RW, desa/kelurahan dan kecamatan'],
      ['consent', 'Centang persetujuan jika Anda setuju data Anda diproses. Tanpa persetujuan, kami tidak bisa menerima pendaftaran'],
    ];
    const summaries = page.root.querySelectorAll('[role=alert]');
    expect(summaries).toHaveLength(1);
    const summary = summaries[0]!;
    expect(summary.getAttribute('tabindex')).toBe('-1');
    expect(summary.hasAttribute('autofocus')).toBe(true);
    expect(summary.querySelector('h2')!.text).toBe('Ada masalah');
    expect(summary.querySelectorAll('a').map((link) => [link.getAttribute('href'), link.text])).toEqual(expected.map(([field, message]) => [`#${field}`, message]));

    for (const [field, message] of expected) {
      expect(page.root.querySelector(`#${field}`), `#${field} is a link target`).not.toBeNull();
      const error = page.root.querySelector(`#${field}-error`);
      expect(error?.text).toBe(`Kesalahan: ${message}`);
      const control = page.root.querySelector(`#${field}`)!;
      expect(control.getAttribute('aria-describedby')?.split(' ')).toContain(`${field}-error`);
      expect(control.getAttribute('aria-invalid')).toBe('true');
    }
    for (const field of ['fullName', 'birthDate', 'regency', 'visitDate']) expect(page.root.querySelector(`#${field}-error`)).toBeNull();
    // Only the summary takes focus.
    expect(page.root.querySelectorAll('[autofocus]')).toHaveLength(1);

    const { action: _action, ...typed } = asStrings(fields);
    expect(shownValues(page.root)).toEqual(typed);
    expect(page.html).toContain('value="Siti &#39;Ani&#39; Aminah"');
    expect(page.html).toContain('>RT &lt;b&gt;&amp;</textarea>');
    expect(storedKeys('records/').length).toBe(before);
  });

  it('ties radio and select errors to their fieldset or select, and links to the first radio', async () => {
    const { sex: _sex, ...a } = applicant();
    const page = await post({ ...a, jobSector: undefined, regency: '3201', action: 'review' });
    expect(page.status).toBe(422);
    const links = page.root.querySelectorAll('[role=alert] a').map((l) => l.getAttribute('href'));
    expect(links).toEqual(['#sex', '#regency', '#jobSector']);
    for (const field of ['sex', 'jobSector']) {
      const fieldset = page.root.querySelector(`#${field}-error`)!.closest('fieldset');
      expect(fieldset?.getAttribute('aria-describedby')?.split(' ')).toContain(`${field}-error`);
      expect(page.root.querySelector(`#${field}`)?.getAttribute('type')).toBe('radio');
    }
    const select = page.root.querySelector('select#regency')!;
    expect(select.getAttribute('aria-describedby')).toBe('regency-error');
    expect(page.root.querySelector('#regency-error')!.text).toBe('Kesalahan: Pilih kabupaten/kota di Provinsi Lampung dari daftar');
    // Regency 3201 is not in the list; everything else typed is kept.
    expect(shownValues(page.root).visitDate).toBe(a.visitDate);
  });

  it('a moratorium error links to its notice', async () => {
    const page = await post({ ...applicant(), destinationCountry: 'arab-saudi', jobSector: 'pengasuh', action: 'review' });
    expect(page.status).toBe(422);
    const error = page.root.querySelector('#jobSector-error')!;
    expect(error.text).toMatch(/^Kesalahan: Penempatan untuk pengasuh bayi, anak atau lansia ke Arab Saudi sedang dihentikan \(moratorium\)\./);
    expect(error.querySelector('a')?.getAttribute('href')).toBe('/pengumuman/#2015-07-01-moratorium-timur-tengah');
    expect(shownValues(page.root).jobSector).toBe('pengasuh');
  });

  it('a NIK mismatch shows the "my details are correct" box; ticking it leads to the review', async () => {
    const a = applicant();
    const fields = { ...a, birthDate: addDays(a.birthDate, 1), action: 'review' };
    const page = await post(fields);
    expect(page.status).toBe(422);
    expect(page.root.querySelector('#nik-error')!.text).toMatch(/^Kesalahan: Tanggal lahir yang Anda isi berbeda dengan NIK\./);
    const box = page.root.querySelector('input#confirmNikMismatch');
    expect(box?.getAttribute('type')).toBe('checkbox');
    expect(box?.hasAttribute('checked')).toBe(false);
    const confirmed = await post({ ...fields, confirmNikMismatch: 'ya' });
    expect(confirmed.status, confirmed.html).toBe(200);
    expect(hiddenFields(confirmed.root).confirmNikMismatch).toBe('ya');
  });

  it('a visit day that is no longer offered (it became today) stays chosen next to its error', async () => {
    // A form loaded before midnight offers tomorrow; posted after midnight, that day is today.
    const visitDate = jakartaToday();
    const page = await post({ ...applicant(), visitDate, action: 'review' });
    expect(page.status).toBe(422);
    expect(page.root.querySelector('#visitDate-error')!.text).toBe('Kesalahan: Hari kunjungan paling cepat besok');
    expect(shownValues(page.root).visitDate).toBe(visitDate);
  });

  it('a script posting a form with Accept: application/json gets JSON', async () => {
    const response = await call(
      handlePreregistrations,
      new Request(`${ORIGIN}/api/preregistrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: asForm({ ...applicant(), consent: undefined }),
      }),
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(((await response.json()) as { errors: object }).errors)).toEqual(['consent']);
  });
});

// ---------------------------------------------------------------- check your answers → confirm

describe('check your answers, then confirm', () => {
  it('a valid form shows "Periksa jawaban Anda" with every value in hidden inputs and an idempotency key; nothing is stored yet', async () => {
    const a = applicant({ fullName: "Siti 'Ani' Aminah", phone: '0812-3456-7890' });
    const before = storedKeys('records/').length;
    const page = await post({ ...a, action: 'review' });
    expect(page.status, page.html).toBe(200);
    expect(page.root.querySelector('title')!.text.startsWith('Periksa jawaban Anda')).toBe(true);
    expect(page.root.querySelector('h1')!.text).toBe('Periksa jawaban Anda');
    const hidden = hiddenFields(page.root);
    const { idempotencyKey, lang, ...values } = hidden;
    expect(values).toEqual(asStrings(a));
    expect(lang).toBe('id');
    expect(idempotencyKey).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(page.root.querySelector('button[value=confirm]')!.text).toBe('Kirim pendaftaran');
    expect(page.root.querySelector('button[value="edit:address"]')).not.toBeNull();
    expect(page.html).toContain(longDay(a.visitDate, 'id'));
    // Each review gets its own key.
    expect((await review(a)).idempotencyKey).not.toBe(idempotencyKey);
    expect(storedKeys('records/').length).toBe(before);
  });

  it('confirm redirects (303) to the confirmation page with the code, visit day and checklist', async () => {
    const a = applicant();
    const hidden = await review(a);
    const confirmed = await post({ ...hidden, action: 'confirm' });
    expect(confirmed.status, confirmed.html).toBe(303);
    const location = confirmed.response.headers.get('location')!;
    expect(location).toMatch(/^\/pra-daftar\/bukti\/\?t=v1\.[A-Za-z0-9_-]+$/);

    const done = await confirmationPage(location);
    expect(done.status).toBe(200);
    expect(done.root.querySelector('h1')!.text).toBe('Pendaftaran awal diterima');
    const code = codeOn(done);
    expect(done.html).toContain(longDay(a.visitDate, 'id'));
    expect(done.root.querySelectorAll('h2').map((h) => h.text)).toEqual(expect.arrayContaining(['Bawa dokumen ini saat datang', 'Dokumen yang nanti diperlukan']));
    expect(done.root.querySelectorAll('ul.checklist li').map((li) => li.text)).toContainEqual(expect.stringContaining('Bawa KTP asli dan fotokopinya'));
    expect(done.root.querySelector('figure.qr svg')).not.toBeNull();

    const status = await call(handleStatus, new Request(`${ORIGIN}/api/preregistrations/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, birthDate: a.birthDate }) }));
    expect(status.status).toBe(200);
    expect(await status.json()).toEqual({ status: 'received', visitDate: a.visitDate });

    // A tampered link shows the "expired" page, not an error.
    const tampered = await confirmationPage(`${location.slice(0, -2)}${location.endsWith('AA') ? 'BB' : 'AA'}`);
    expect(tampered.status).toBe(404);
    expect(tampered.html).toContain('sudah kedaluwarsa');
  });

  it('posting the same confirm form twice gives the same code and stores one record', async () => {
    const a = applicant();
    const hidden = await review(a);
    const before = storedKeys('records/').length;
    const first = await post({ ...hidden, action: 'confirm' });
    const second = await post({ ...hidden, action: 'confirm' });
    expect(first.status).toBe(303);
    expect(second.status, second.html).toBe(303);
    const firstCode = codeOn(await confirmationPage(first.response.headers.get('location')!));
    const secondCode = codeOn(await confirmationPage(second.response.headers.get('location')!));
    expect(secondCode).toBe(firstCode);
    expect(storedKeys('records/').length).toBe(before + 1);
  });

  it('a new review of an already registered NIK ends in a 409 page without personal data', async () => {
    const a = applicant({ fullName: 'Yuliana Puspitasari' });
    expect((await post({ ...(await review(a)), action: 'confirm' })).status).toBe(303);
    const again = await post({ ...(await review(a)), action: 'confirm' });
    expect(again.status).toBe(409);
    expect(again.root.querySelector('h1')!.text).toBe('NIK ini sudah terdaftar');
    expect(again.root.querySelector('title')!.text.startsWith('Kesalahan: ')).toBe(true);
    for (const personal of [a.nik, a.fullName, a.phone, a.address]) expect(again.html).not.toContain(personal);
  });

  it('"Change" (action=edit:address) shows the form with every value and focus on the address', async () => {
    const a = applicant({ address: 'Jl. "Mawar" No. 5 & RT 01, Desa Sukadana' });
    const hidden = await review(a);
    const page = await post({ ...hidden, action: 'edit:address' });
    expect(page.status).toBe(200);
    expect(page.root.querySelector('title')!.text.startsWith('Daftar awal sebelum datang ke kantor')).toBe(true);
    expect(page.root.querySelectorAll('[role=alert]')).toHaveLength(0);
    const focused = page.root.querySelectorAll('[autofocus]');
    expect(focused.map((e) => `${e.tagName.toLowerCase()}#${e.id}`)).toEqual(['textarea#address']);
    expect(shownValues(page.root)).toEqual(asStrings(a));
  });

  it('an unknown "Change" target shows the form without focus and does not fail', async () => {
    const hidden = await review(applicant());
    for (const action of ['edit:(', 'edit:nik"] [autofocus', 'edit:.*', 'edit:']) {
      const page = await post({ ...hidden, action });
      expect(page.status, action).toBe(200);
      expect(page.root.querySelectorAll('[autofocus]'), action).toHaveLength(0);
      expect(shownValues(page.root).nik).toBe(hidden.nik);
    }
  });
});

// ---------------------------------------------------------------- English

describe('the English journey (lang=en)', () => {
  it('errors, check your answers, confirm and confirmation are in English', async () => {
    const a = applicant();
    const withError = await post({ ...a, consent: undefined, lang: 'en', action: 'review' });
    expect(withError.status).toBe(422);
    expect(withError.root.querySelector('title')!.text.startsWith('Error: Pre-register before your office visit')).toBe(true);
    expect(withError.root.querySelector('[role=alert] h2')!.text).toBe('There is a problem');
    expect(withError.root.querySelector('#consent-error')!.text).toBe(
      'Error: Tick the consent box if you agree to your data being processed. Without consent we cannot accept the registration',
    );
    expect(withError.root.querySelector('input[name=lang]')!.getAttribute('value')).toBe('en');

    const reviewPage = await post({ ...a, lang: 'en', action: 'review' });
    expect(reviewPage.status).toBe(200);
    expect(reviewPage.root.querySelector('h1')!.text).toBe('Check your answers');
    expect(reviewPage.html).toContain(longDay(a.visitDate, 'en'));
    const hidden = hiddenFields(reviewPage.root);
    expect(hidden.lang).toBe('en');

    const confirmed = await post({ ...hidden, action: 'confirm' });
    expect(confirmed.status).toBe(303);
    const location = confirmed.response.headers.get('location')!;
    expect(location).toMatch(/^\/en\/pra-daftar\/bukti\/\?t=/);
    const done = await confirmationPage(location);
    expect(done.status).toBe(200);
    expect(done.root.querySelector('h1')!.text).toBe('Pre-registration received');
    codeOn(done);
    expect(done.html).toContain(longDay(a.visitDate, 'en'));
    expect(done.root.querySelectorAll('h2').map((h) => h.text)).toEqual(expect.arrayContaining(['Bring these documents to your visit', 'Documents you will need later']));
    expect(done.html).toContain('Bring your original ID card (KTP) and a photocopy');
  });
});
