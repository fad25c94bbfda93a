/**
 * Pre-registration in Chromium, as applicants use it: the whole journey with JavaScript off (form →
 * check your answers → change an answer → confirmation → status), the GOV.UK error pattern with and
 * without JavaScript, the NIK mismatch warning, a closed destination, the English journey, printing
 * the confirmation. Every page seen passes axe (WCAG 2.2 A/AA) and breaks no CSP rule; the form and
 * the confirmation fit 320 px. Elements are found by role and label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { expectAxeClean, newTab } from '../support/page-checks.ts';
import { projectRoot } from '../support/project-copy.ts';
import { testKeys } from '../support/keys.ts';
import { useBrowserClock } from '../support/clock.ts';
import { applicant, nikFor, openDays, type Applicant } from '../support/applicants.ts';
import { serveSite, type LocalSite } from '../../src/cli/serve.ts';

let site: LocalSite;
let browser: Browser;

beforeAll(async () => {
  // Blobs under .netlify/ outlive a run, but each run has a new server secret (so NIK lookups never
  // collide with an earlier run) and the highest capacity (so earlier runs never fill a day).
  const keys = await testKeys({ capacity: 1000 });
  site = await serveSite({ root: projectRoot, port: 0, quiet: true, env: keys.env });
  // The local server bundles each function on its first call: pay for all four at once, here.
  const [browserStarted] = await Promise.all([
    launchBrowser(),
    fetch(`${site.url}/api/preregistrations/days`).then((r) => r.arrayBuffer()),
    fetch(`${site.url}/pra-daftar/bukti/?t=warm-up`).then((r) => r.arrayBuffer()),
    fetch(`${site.url}/api/preregistrations`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'lang=id' }).then((r) => r.arrayBuffer()),
    fetch(`${site.url}/api/preregistrations/status`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'lang=id' }).then((r) => r.arrayBuffer()),
  ]);
  browser = browserStarted;
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Lang = 'id' | 'en';

/** The form's words, as a reader sees them. */
const words = {
  id: {
    fullName: 'Nama lengkap',
    nik: 'NIK (Nomor Induk Kependudukan)',
    birthDate: 'Tanggal lahir',
    sex: 'Jenis kelamin',
    sexes: { L: 'Laki-laki', P: 'Perempuan' },
    phone: 'Nomor HP (WhatsApp)',
    regency: 'Kabupaten/kota sesuai KTP',
    regencyLabel: 'Kabupaten Lampung Timur',
    address: 'Alamat sesuai KTP',
    education: 'Pendidikan terakhir',
    educationLabel: 'SMA/SMK atau sederajat',
    destination: 'Negara tujuan',
    jobSector: 'Jenis pekerjaan',
    jobLabel: 'Pabrik (manufaktur)',
    scheme: 'Skema penempatan',
    schemeLabel: 'P to P: lewat perusahaan penempatan swasta (P3MI)',
    passport: 'Apakah Anda sudah punya paspor?',
    no: 'Belum',
    marital: 'Status perkawinan',
    maritalLabel: 'Belum kawin',
    visitDate: 'Hari kunjungan ke kantor LTSA',
    consent: /^Saya setuju data saya diproses/,
    continue: 'Lanjut',
    review: 'Periksa jawaban Anda',
    change: 'Ubah',
    submit: 'Kirim pendaftaran',
    done: 'Pendaftaran awal diterima',
    codeLabel: 'Kode pendaftaran Anda',
    checklist: ['Bawa dokumen ini saat datang', 'Dokumen yang nanti diperlukan'],
    neverPay: /Jangan pernah membayar siapa pun/,
    summary: 'Ada masalah',
    places: 'tempat tersisa',
    menu: 'Menu utama',
  },
  en: {
    fullName: 'Full name',
    nik: 'NIK (national identity number)',
    birthDate: 'Date of birth',
    sex: 'Sex',
    sexes: { L: 'Male', P: 'Female' },
    phone: 'Mobile number (WhatsApp)',
    regency: 'Regency or city on your ID card',
    regencyLabel: 'Kabupaten Lampung Timur',
    address: 'Address on your ID card',
    education: 'Highest education',
    educationLabel: 'Senior secondary school (SMA/SMK)',
    destination: 'Destination country',
    jobSector: 'Kind of job',
    jobLabel: 'Factory (manufacturing)',
    scheme: 'Placement scheme',
    schemeLabel: 'P to P: through a private placement agency (P3MI)',
    passport: 'Do you already have a passport?',
    no: 'Not yet',
    marital: 'Marital status',
    maritalLabel: 'Not married',
    visitDate: 'Day of your visit to the LTSA office',
    consent: /^I agree to my data being processed/,
    continue: 'Continue',
    review: 'Check your answers',
    change: 'Change',
    submit: 'Send pre-registration',
    done: 'Pre-registration received',
    codeLabel: 'Your registration code',
    checklist: ['Bring these documents to your visit', 'Documents you will need later'],
    neverPay: /Never pay anyone/,
    summary: 'There is a problem',
    places: 'places left',
    menu: 'Main menu',
  },
} as const;

/** The confirmation page the journey without JavaScript reached (valid for an hour), for the print test. */
let confirmationUrl: string | undefined;

const CODE = /LPG-[0-9A-Z]{4}-[0-9A-Z]{4}/;

/** A valid applicant no earlier run has used: a random birth date and NIK serial, a random open day. */
function freshApplicant(overrides: Partial<Applicant> = {}): Applicant {
  const year = 1975 + Math.floor(Math.random() * 25);
  const birthDate = `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
  const days = openDays();
  const visitDate = days[1 + Math.floor(Math.random() * (days.length - 1))] ?? days[0]!;
  const serial = 1 + Math.floor(Math.random() * 9998);
  return applicant({ birthDate, visitDate, nik: nikFor(birthDate, 'P', serial), sex: 'P', ...overrides });
}

const longDay = (day: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

interface Opened {
  page: Page;
  /** Console messages about the Content Security Policy, from every page this tab showed. */
  csp: string[];
  /** POSTs this tab sent. */
  posts: string[];
  close(): Promise<void>;
}

async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Opened> {
  const { page, csp, close } = await newTab(browser, options);
  const posts: string[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
  });
  await page.goto(`${site.url}${path}`);
  return { page, csp, posts, close };
}

async function expectFits(page: Page, what: string, width = 320): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll at ${width} px on ${what}`).toBeLessThanOrEqual(0);
  if (before) await page.setViewportSize(before);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Fills every field by its label, the way a reader does. */
async function fillForm(page: Page, a: Applicant, lang: Lang = 'id'): Promise<void> {
  const w = words[lang];
  const form = page.getByRole('main');
  await form.getByLabel(w.fullName, { exact: true }).fill(a.fullName);
  await form.getByLabel(w.nik, { exact: true }).fill(a.nik);
  await form.getByLabel(w.birthDate, { exact: true }).fill(a.birthDate);
  await form.getByRole('group', { name: w.sex }).getByRole('radio', { name: w.sexes[a.sex], exact: true }).check();
  await form.getByLabel(w.phone, { exact: true }).fill(a.phone);
  await form.getByLabel(w.regency, { exact: true }).selectOption({ label: w.regencyLabel });
  await form.getByLabel(w.address, { exact: true }).fill(a.address);
  await form.getByLabel(w.education, { exact: true }).selectOption({ label: w.educationLabel });
  await form.getByLabel(w.destination, { exact: true }).selectOption({ label: 'Malaysia' });
  await form.getByRole('group', { name: w.jobSector }).getByRole('radio', { name: w.jobLabel, exact: true }).check();
  await form.getByRole('group', { name: w.scheme }).getByRole('radio', { name: w.schemeLabel, exact: true }).check();
  await form.getByRole('group', { name: w.passport }).getByRole('radio', { name: w.no, exact: true }).check();
  await form.getByRole('group', { name: w.marital }).getByRole('radio', { name: w.maritalLabel, exact: true }).check();
  await chooseVisitDay(page, a.visitDate, lang);
  await form.getByRole('checkbox', { name: w.consent }).check();
}

/** The visit day is a date input without JavaScript (or before the open days load), a list of days with it. */
async function chooseVisitDay(page: Page, day: string, lang: Lang): Promise<void> {
  const field = page.getByLabel(words[lang].visitDate, { exact: true });
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(day);
  else await field.fill(day);
}

async function submitAndWait(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.getByRole('button', { name: button, exact: true }).click()]);
  await page.waitForLoadState('load');
}

/** The confirmation page: code, visit day, checklist, QR, the warning never to pay. Returns the code. */
async function expectConfirmation(page: Page, a: Applicant, lang: Lang): Promise<string> {
  const w = words[lang];
  await page.waitForURL(/\/pra-daftar\/bukti\/\?t=/);
  expect(new URL(page.url()).pathname).toBe(lang === 'en' ? '/en/pra-daftar/bukti/' : '/pra-daftar/bukti/');
  expect(await h1(page).textContent()).toBe(w.done);
  expect(await page.title()).toMatch(new RegExp(`^${w.done}`));
  const main = page.getByRole('main');
  expect(await main.getByText(w.codeLabel, { exact: true }).isVisible()).toBe(true);
  const code = (await page.locator('#kode').textContent())?.trim() ?? '';
  expect(code).toMatch(new RegExp(`^${CODE.source}$`));
  expect(await main.getByText(longDay(a.visitDate, lang), { exact: true }).isVisible()).toBe(true);
  for (const heading of w.checklist) expect(await main.getByRole('heading', { level: 2, name: heading }).isVisible(), heading).toBe(true);
  expect(await main.getByRole('listitem').count()).toBeGreaterThan(3);
  const qr = main.getByRole('figure');
  expect(await qr.count()).toBe(1);
  expect(await qr.locator('svg').isVisible()).toBe(true);
  const qrBox = await qr.locator('svg').boundingBox();
  expect(qrBox && qrBox.width > 80 && qrBox.height > 80, 'the QR code is big enough to scan').toBe(true);
  expect(await main.getByText(w.neverPay).isVisible()).toBe(true);
  return code;
}

describe('without JavaScript', () => {
  it('walks the whole journey: form, check answers, change one, send, confirmation, status', async () => {
    const a = freshApplicant();
    const tab = await open('/pra-daftar/', { javaScriptEnabled: false });
    const { page } = tab;
    const w = words.id;
    try {
      const visitField = page.getByLabel(w.visitDate, { exact: true });
      expect(await visitField.getAttribute('type'), 'without JavaScript the visit day is a date input').toBe('date');
      await expectAxeClean(page, 'the empty form, JavaScript off');
      await expectFits(page, 'the form');

      await fillForm(page, a);
      await submitAndWait(page, w.continue);

      // Check your answers: every answer, in words.
      expect(await h1(page).textContent()).toBe(w.review);
      expect(await page.title()).toMatch(new RegExp(`^${w.review}`));
      const answers = page.getByRole('main').locator('dl.answers');
      const listed = await answers.locator('dt').allTextContents();
      expect(listed).toEqual([w.fullName, w.nik, w.birthDate, w.sex, w.phone, w.regency, w.address, w.education, w.destination, w.jobSector, w.scheme, w.passport, w.marital, w.visitDate]);
      const shown = await answers.innerText();
      for (const value of [a.fullName, a.nik, longDay(a.birthDate, 'id'), 'Perempuan', a.phone, w.regencyLabel, a.address, w.educationLabel, 'Malaysia', w.jobLabel, w.schemeLabel, w.maritalLabel, longDay(a.visitDate, 'id')]) {
        expect(shown, value).toContain(value);
      }
      await expectAxeClean(page, 'check your answers');
      await expectFits(page, 'check your answers');

      // Change the name: back to the form, every answer kept, the changed field focused.
      await submitAndWait(page, `${w.change} ${w.fullName}`);
      expect(await h1(page).textContent()).not.toBe(w.review);
      const name = page.getByLabel(w.fullName, { exact: true });
      expect(await name.inputValue()).toBe(a.fullName);
      expect(await name.evaluate((el) => el === document.activeElement), 'the field to change has focus').toBe(true);
      expect(await page.getByLabel(w.nik, { exact: true }).inputValue()).toBe(a.nik);
      expect(await page.getByLabel(w.birthDate, { exact: true }).inputValue()).toBe(a.birthDate);
      expect(await page.getByLabel(w.address, { exact: true }).inputValue()).toBe(a.address);
      expect(await page.getByLabel(w.regency, { exact: true }).inputValue()).toBe(a.regency);
      expect(await page.getByLabel(w.destination, { exact: true }).inputValue()).toBe('malaysia');
      expect(await page.getByLabel(w.visitDate, { exact: true }).inputValue()).toBe(a.visitDate);
      expect(await page.getByRole('group', { name: w.sex }).getByRole('radio', { name: 'Perempuan' }).isChecked()).toBe(true);
      expect(await page.getByRole('group', { name: w.jobSector }).getByRole('radio', { name: w.jobLabel }).isChecked()).toBe(true);
      expect(await page.getByRole('group', { name: w.passport }).getByRole('radio', { name: w.no, exact: true }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: w.consent }).isChecked()).toBe(true);

      const changed = { ...a, fullName: 'Siti Aminah Putri' };
      await name.fill(changed.fullName);
      await submitAndWait(page, w.continue);
      expect(await h1(page).textContent()).toBe(w.review);
      expect(await page.getByRole('main').locator('dl.answers dd').first().textContent()).toBe(changed.fullName);

      await submitAndWait(page, w.submit);
      const code = await expectConfirmation(page, changed, 'id');
      await expectAxeClean(page, 'the confirmation');
      await expectFits(page, 'the confirmation');

      confirmationUrl = page.url();

      // The status, with the right and a wrong birth date.
      await page.goto(`${site.url}/pra-daftar/status/`);
      await page.getByLabel('Kode pendaftaran', { exact: true }).fill(code);
      await page.getByLabel(w.birthDate, { exact: true }).fill(a.birthDate);
      await submitAndWait(page, 'Lihat status');
      const result = page.getByRole('status');
      expect(await result.innerText()).toContain('Diterima');
      expect(await result.innerText()).toContain(code);
      expect(await result.innerText()).toContain(longDay(a.visitDate, 'id'));
      await expectAxeClean(page, 'the status page with a result');
      // The code and date stay in the form for another try.
      expect(await page.getByLabel('Kode pendaftaran', { exact: true }).inputValue()).toBe(code);

      await page.getByLabel(w.birthDate, { exact: true }).fill('1970-01-01');
      await submitAndWait(page, 'Lihat status');
      expect(await page.getByRole('status').innerText()).toContain('Kami tidak menemukan pendaftaran dengan kode dan tanggal lahir itu');
      expect(await page.getByRole('status').innerText()).not.toContain('Diterima');

      expect(tab.csp, 'CSP violations').toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('shows the GOV.UK error summary, links each error to its field, and keeps what was typed', async () => {
    const tab = await open('/pra-daftar/', { javaScriptEnabled: false });
    const { page } = tab;
    const w = words.id;
    try {
      await submitAndWait(page, w.continue);
      expect(await page.title()).toMatch(/^Kesalahan: /);
      const summary = page.getByRole('alert');
      expect(await summary.count()).toBe(1);
      expect(await summary.getByRole('heading', { name: w.summary }).isVisible()).toBe(true);
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.err-summary'))), 'the summary has focus').toBe(true);
      await expectAxeClean(page, 'the form with errors, JavaScript off');
      await expectFits(page, 'the form with errors');

      const links = summary.getByRole('link');
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const fields = ['fullName', 'nik', 'birthDate', 'sex', 'phone', 'regency', 'address', 'education', 'destinationCountry', 'jobSector', 'scheme', 'hasPassport', 'maritalStatus', 'visitDate', 'consent'];
      expect(hrefs).toEqual(fields.map((f) => `#${f}`));
      expect(await links.first().textContent()).toBe('Masukkan nama lengkap sesuai KTP');

      // Each field's error has the id <field>-error, and the field (or its fieldset) points to it.
      const ties = await page.evaluate((names) =>
        names.map((name) => {
          const control = document.getElementById(name);
          const holder = control instanceof HTMLInputElement && control.type === 'radio' ? control.closest('fieldset') : control;
          const error = document.getElementById(`${name}-error`);
          return { name, error: Boolean(error?.textContent?.trim()), tied: (holder?.getAttribute('aria-describedby') ?? '').split(' ').includes(`${name}-error`) };
        }), fields);
      for (const tie of ties) expect(tie, tie.name).toEqual({ name: tie.name, error: true, tied: true });
      // The summary and the field say the same thing.
      expect(await page.locator('#nik-error').textContent()).toBe(`Kesalahan: ${await links.nth(1).textContent()}`);

      // Following a link goes to its field.
      for (const [i, field] of [[1, 'nik'], [3, 'sex'], [13, 'visitDate']] as const) {
        await links.nth(i).click();
        expect(new URL(page.url()).hash).toBe(`#${field}`);
        const target = page.locator(`#${field}`);
        expect(await target.count()).toBe(1);
        const reached = await target.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return el === document.activeElement || (box.bottom > 0 && box.top < window.innerHeight);
        });
        expect(reached, `${field} is focused or in view`).toBe(true);
      }

      // Some answers, some mistakes: the answers stay, only the mistakes are listed.
      await page.getByLabel(w.fullName, { exact: true }).fill('Siti Aminah');
      await page.getByLabel(w.nik, { exact: true }).fill('1804 0157');
      await page.getByRole('group', { name: w.sex }).getByRole('radio', { name: 'Perempuan' }).check();
      await page.getByLabel(w.regency, { exact: true }).selectOption({ label: w.regencyLabel });
      await page.getByLabel(w.address, { exact: true }).fill('Dusun 2');
      await submitAndWait(page, w.continue);
      expect(await page.title()).toMatch(/^Kesalahan: /);
      expect(await page.getByLabel(w.fullName, { exact: true }).inputValue()).toBe('Siti Aminah');
      expect(await page.getByLabel(w.nik, { exact: true }).inputValue()).toBe('1804 0157');
      expect(await page.getByLabel(w.address, { exact: true }).inputValue()).toBe('Dusun 2');
      expect(await page.getByLabel(w.regency, { exact: true }).inputValue()).toBe('1804');
      expect(await page.getByRole('group', { name: w.sex }).getByRole('radio', { name: 'Perempuan' }).isChecked()).toBe(true);
      const listed = await page.getByRole('alert').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(listed).not.toContain('#fullName');
      expect(listed).not.toContain('#sex');
      expect(listed).toContain('#nik');
      expect(listed).toContain('#address');
      expect(await page.locator('#fullName-error').count()).toBe(0);
      expect(await page.getByLabel(w.nik, { exact: true }).getAttribute('aria-invalid')).toBe('true');

      expect(tab.csp, 'CSP violations').toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('warns when the birth date disagrees with the NIK, and goes on once the applicant confirms', async () => {
    const a = freshApplicant();
    // The NIK says a year later than the birth date the applicant gives.
    const nikBirth = `${Number(a.birthDate.slice(0, 4)) + 1}${a.birthDate.slice(4)}`;
    const mixed = { ...a, nik: nikFor(nikBirth, 'P', 1 + Math.floor(Math.random() * 9998)) };
    const tab = await open('/pra-daftar/', { javaScriptEnabled: false });
    const { page } = tab;
    try {
      await fillForm(page, mixed);
      await submitAndWait(page, words.id.continue);
      expect(await page.title()).toMatch(/^Kesalahan: /);
      expect(await page.locator('#nik-error').textContent()).toContain('Tanggal lahir yang Anda isi berbeda dengan NIK');
      const confirm = page.getByRole('checkbox', { name: 'Data saya sudah benar, sesuai KTP' });
      expect(await confirm.isVisible()).toBe(true);
      expect(await confirm.isChecked()).toBe(false);
      await expectAxeClean(page, 'the NIK warning');
      await confirm.check();
      await submitAndWait(page, words.id.continue);
      expect(await h1(page).textContent()).toBe(words.id.review);
      await submitAndWait(page, words.id.submit);
      await expectConfirmation(page, mixed, 'id');
      expect(tab.csp, 'CSP violations').toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('refuses a closed destination and links to the notice that says why', async () => {
    const a = freshApplicant();
    const tab = await open('/pra-daftar/', { javaScriptEnabled: false });
    const { page } = tab;
    try {
      await fillForm(page, a);
      await page.getByLabel(words.id.destination, { exact: true }).selectOption({ label: 'Arab Saudi' });
      await page.getByRole('group', { name: words.id.jobSector }).getByRole('radio', { name: /^Pekerjaan rumah tangga/ }).check();
      await submitAndWait(page, words.id.continue);
      expect(await page.title()).toMatch(/^Kesalahan: /);
      const error = page.locator('#jobSector-error');
      expect(await error.textContent()).toMatch(/Penempatan untuk pekerjaan rumah tangga ke Arab Saudi sedang dihentikan \(moratorium\)/);
      const summaryLinks = await page.getByRole('alert').getByRole('link').evaluateAll((as) => as.map((x) => x.getAttribute('href')));
      expect(summaryLinks).toEqual(['#jobSector']);
      const notice = error.getByRole('link', { name: 'Baca pengumumannya' });
      expect(await notice.getAttribute('href')).toBe('/pengumuman/#2015-07-01-moratorium-timur-tengah');
      await Promise.all([page.waitForURL(/\/pengumuman\/#2015-07-01-moratorium-timur-tengah$/), notice.click()]);
      expect(await page.locator('[id="2015-07-01-moratorium-timur-tengah"]').count()).toBe(1);
      expect(await page.locator('[id="2015-07-01-moratorium-timur-tengah"]').innerText()).toMatch(/Arab Saudi|Timur Tengah/);
      expect(tab.csp, 'CSP violations').toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

describe('print', () => {
  it('prints the confirmation with the code and the checklist, without the menu', async () => {
    expect(confirmationUrl, 'the journey without JavaScript reached the confirmation').toBeDefined();
    const tab = await open(new URL(confirmationUrl!).pathname + new URL(confirmationUrl!).search);
    const { page } = tab;
    try {
      expect(await page.locator('#kode').textContent()).toMatch(CODE);
      // Two copies in the markup (folded behind "Menu" on phones, a row on wider screens); one is displayed.
      const menus = page.getByRole('navigation', { name: words.id.menu, includeHidden: true });
      expect(await menus.count(), 'the main menu is on the page').toBe(2);
      const menu = page.getByRole('navigation', { name: words.id.menu });
      expect(await menu.count(), 'one main menu at a time').toBe(1);
      expect(await menu.isVisible(), 'the main menu shows on screen').toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#kode').isVisible()).toBe(true);
      for (const heading of words.id.checklist) expect(await page.getByRole('heading', { level: 2, name: heading }).isVisible(), heading).toBe(true);
      expect(await page.getByRole('main').locator('ul.checklist li').first().isVisible()).toBe(true);
      expect(await page.getByRole('main').getByText(words.id.neverPay).isVisible()).toBe(true);
      for (const copy of await menus.all()) expect(await copy.isVisible(), 'the main menu is hidden on paper').toBe(false);
      expect(tab.csp, 'CSP violations').toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

describe('with JavaScript', () => {
  it('offers open days, checks answers in the browser without sending, then sends a valid form', async () => {
    const a = freshApplicant();
    const tab = await open('/pra-daftar/', { width: 320 });
    const { page } = tab;
    const w = words.id;
    try {
      const visit = page.getByLabel(w.visitDate, { exact: true });
      await expect.poll(() => visit.evaluate((el) => el.tagName), { timeout: 10_000 }).toBe('SELECT');
      const options = await visit.locator('option').allTextContents();
      const days = openDays();
      expect(options.length).toBe(days.length + 1);
      for (const text of options.slice(1)) expect(text).toMatch(new RegExp(`\\(\\d+ ${w.places}\\)$`));
      expect(await visit.locator('option').nth(1).getAttribute('value')).toBe(days[0]);
      await expectAxeClean(page, 'the empty form, JavaScript on');
      await expectFits(page, 'the form, JavaScript on');

      const postsBefore = tab.posts.length;
      await page.getByRole('button', { name: w.continue }).click();
      const summary = page.getByRole('alert');
      await summary.waitFor();
      expect(tab.posts.slice(postsBefore), 'no request while the browser checks the answers').toEqual([]);
      expect(new URL(page.url()).pathname).toBe('/pra-daftar/');
      expect(await page.title()).toMatch(/^Kesalahan: /);
      expect(await summary.getByRole('heading', { name: w.summary }).isVisible()).toBe(true);
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.err-summary'))), 'the summary has focus').toBe(true);
      expect(await summary.getByRole('link').count()).toBe(15);
      expect(await page.locator('#fullName-error').textContent()).toBe('Kesalahan: Masukkan nama lengkap sesuai KTP');
      expect((await page.getByLabel(w.fullName, { exact: true }).getAttribute('aria-describedby'))?.split(' ')).toContain('fullName-error');
      expect(await page.getByLabel(w.visitDate, { exact: true }).evaluate((el) => el.tagName), 'the list of days stays').toBe('SELECT');
      await expectAxeClean(page, 'the form with errors, JavaScript on');
      await expectFits(page, 'the form with errors, JavaScript on');

      // A second try with one mistake left: still checked in the browser, what was typed stays.
      await fillForm(page, { ...a, phone: '12' });
      await page.getByRole('button', { name: w.continue }).click();
      await expect.poll(() => page.getByRole('alert').getByRole('link').count()).toBe(1);
      expect(tab.posts.slice(postsBefore)).toEqual([]);
      expect(await page.getByRole('alert').getByRole('link').getAttribute('href')).toBe('#phone');
      expect(await page.getByLabel(w.fullName, { exact: true }).inputValue()).toBe(a.fullName);
      expect(await page.getByLabel(w.visitDate, { exact: true }).inputValue()).toBe(a.visitDate);
      expect(await page.getByRole('checkbox', { name: w.consent }).isChecked()).toBe(true);

      // Fixed: the browser sends it; the server shows the answers.
      await page.getByLabel(w.phone, { exact: true }).fill(a.phone);
      await submitAndWait(page, w.continue);
      expect(tab.posts.slice(postsBefore)).toEqual(['/api/preregistrations']);
      expect(await h1(page).textContent()).toBe(w.review);
      expect(await page.title()).not.toMatch(/^Kesalahan/);
      await expectAxeClean(page, 'check your answers, JavaScript on');
      await submitAndWait(page, w.submit);
      await expectConfirmation(page, a, 'id');
      await expectAxeClean(page, 'the confirmation, JavaScript on');
      await expectFits(page, 'the confirmation, JavaScript on');
      expect(tab.csp, 'CSP violations').toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('refuses a closed destination in the browser too, with the link to the notice', async () => {
    const a = freshApplicant();
    const tab = await open('/pra-daftar/');
    const { page } = tab;
    try {
      await expect.poll(() => page.getByLabel(words.id.visitDate, { exact: true }).evaluate((el) => el.tagName), { timeout: 10_000 }).toBe('SELECT');
      await fillForm(page, a);
      await page.getByLabel(words.id.destination, { exact: true }).selectOption({ label: 'Arab Saudi' });
      await page.getByRole('group', { name: words.id.jobSector }).getByRole('radio', { name: /^Pekerjaan rumah tangga/ }).check();
      await page.getByRole('button', { name: words.id.continue }).click();
      await page.getByRole('alert').waitFor();
      expect(tab.posts).toEqual([]);
      expect(await page.locator('#jobSector-error').textContent()).toContain('sedang dihentikan (moratorium)');
      expect(await page.locator('#jobSector-error').getByRole('link', { name: 'Baca pengumumannya' }).getAttribute('href')).toBe('/pengumuman/#2015-07-01-moratorium-timur-tengah');
      expect(tab.csp, 'CSP violations').toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

describe('in English', () => {
  it('walks /en/pra-daftar/ to the confirmation with English labels and messages', async () => {
    const a = freshApplicant();
    const tab = await open('/en/pra-daftar/');
    const { page } = tab;
    const w = words.en;
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      const visit = page.getByLabel(w.visitDate, { exact: true });
      await expect.poll(() => visit.evaluate((el) => el.tagName), { timeout: 10_000 }).toBe('SELECT');
      expect(await visit.locator('option').nth(1).textContent()).toMatch(new RegExp(`^[A-Z][a-z]+day.* \\(\\d+ ${w.places}\\)$`));

      await page.getByRole('button', { name: w.continue }).click();
      const summary = page.getByRole('alert');
      await summary.waitFor();
      expect(await page.title()).toMatch(/^Error: /);
      expect(await summary.getByRole('heading', { name: w.summary }).isVisible()).toBe(true);
      expect(await summary.getByRole('link').first().textContent()).toBe('Enter your full name as on your ID card (KTP)');
      expect(await page.locator('#nik-error').textContent()).toBe('Error: Enter the NIK (national identity number) from your ID card');
      await expectAxeClean(page, 'the English form with errors');

      await fillForm(page, a, 'en');
      await submitAndWait(page, w.continue);
      expect(new URL(page.url()).pathname).toBe('/api/preregistrations');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await h1(page).textContent()).toBe(w.review);
      const shown = await page.getByRole('main').locator('dl.answers').innerText();
      for (const value of ['Female', w.educationLabel, w.jobLabel, w.maritalLabel, longDay(a.visitDate, 'en')]) expect(shown, value).toContain(value);
      expect(await page.getByRole('button', { name: `${w.change} ${w.fullName}` }).isVisible()).toBe(true);
      await submitAndWait(page, w.submit);
      await expectConfirmation(page, a, 'en');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await expectAxeClean(page, 'the English confirmation');
      expect(await page.getByRole('link', { name: 'Check your registration status' }).getAttribute('href')).toBe('/en/pra-daftar/status/');
      expect(tab.csp, 'CSP violations').toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

describe('from another site', () => {
  it('a form on another origin that posts to the API is refused (403) and stores nothing; the same form here is accepted', async () => {
    // 127.0.0.1 and localhost are different sites to the browser: the page below is "elsewhere".
    const elsewhere = site.url.replace('localhost', '127.0.0.1');
    const a = freshApplicant();
    const fields = Object.entries({ ...a, hasPassport: 'tidak', consent: 'ya', action: 'review', lang: 'id' })
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${String(v).replace(/"/g, '&quot;')}">`)
      .join('');
    for (const [where, target] of [
      [elsewhere, `${site.url}/api/preregistrations`],
      [site.url, `${site.url}/api/preregistrations`],
    ] as const) {
      const context = await browser.newContext({ javaScriptEnabled: true });
      await useBrowserClock(context);
      try {
        const page = await context.newPage();
        // The attacker's page, served at `where` by intercepting its address.
        await page.route(`${where}/attack/`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><form method="post" action="${target}">${fields}<button>Go</button></form>` }));
        await page.goto(`${where}/attack/`);
        const [response] = await Promise.all([page.waitForResponse((r) => r.url() === target), page.getByRole('button', { name: 'Go' }).click()]);
        if (where === elsewhere) {
          expect(response.status(), 'posted from another site').toBe(403);
          expect(await page.content()).toContain('cross-site');
        } else {
          expect(response.status(), 'posted from the site itself').toBe(200);
          expect(await h1(page).textContent()).toBe('Periksa jawaban Anda');
        }
      } finally {
        await context.close();
      }
    }
  });
});
