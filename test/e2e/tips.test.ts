/**
 * Reporting (lapor) in Chromium, as a tipster uses it: the report with a photo that carries GPS data,
 * with JavaScript (sealed in the browser: no word of the report and no EXIF byte in what is sent) and
 * without it (a multipart post the function seals), in Indonesian and English; the GOV.UK error
 * pattern both ways (with JavaScript the chosen photo stays attached); an officer's reply read back
 * with the receipt, and a follow-up sent from there. What the officer opens is what was typed, and
 * the photo has lost its EXIF. Every page seen passes axe (WCAG 2.2 A/AA) and breaks no CSP rule.
 * Elements are found by role and label.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { expectAxeClean, newTab } from '../support/page-checks.ts';
import { projectRoot } from '../support/project-copy.ts';
import { testKeys, type TestKeys } from '../support/keys.ts';
import { hasExif, jpegWithGps, openAsOfficer, replyAsOfficer, tipsStore } from '../support/tips.ts';
import { jakartaToday } from '../../src/lib/office-days.ts';
import { serveSite, type LocalSite } from '../../src/cli/serve.ts';

let site: LocalSite;
let browser: Browser;
let keys: TestKeys;
let dir: string;
/** The photo a reporter attaches: a JPEG whose EXIF holds a GPS position and this marker. */
const EXIF_MARKER = `EXIF-MARKER-${Math.random().toString(36).slice(2, 10)}`;
/** A phone's file name says when the photo was taken: it must not travel with the sealed report. */
const PHOTO_NAME = 'IMG_20261129_083012.jpg';
let photoPath: string;
let pdfPath: string;

beforeAll(async () => {
  keys = await testKeys();
  site = await serveSite({ root: projectRoot, port: 0, quiet: true, env: keys.env });
  dir = mkdtempSync(join(tmpdir(), 'ltsa-tips-e2e-'));
  photoPath = join(dir, PHOTO_NAME);
  writeFileSync(photoPath, await jpegWithGps(EXIF_MARKER));
  pdfPath = join(dir, 'surat.pdf');
  writeFileSync(pdfPath, '%PDF-1.4\n% test\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  // The local server bundles each function on its first call: pay for all four at once, here.
  const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'lang=id' };
  const [started] = await Promise.all([
    launchBrowser(),
    fetch(`${site.url}/api/tips/keys`).then((r) => r.arrayBuffer()),
    fetch(`${site.url}/api/tips`, form).then((r) => r.arrayBuffer()),
    fetch(`${site.url}/api/tips/status`, form).then((r) => r.arrayBuffer()),
    fetch(`${site.url}/api/tips/messages`, form).then((r) => r.arrayBuffer()),
  ]);
  browser = started;
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Lang = 'id' | 'en';
const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');
const lastYear = String(Number(jakartaToday().slice(0, 4)) - 1);

/** The form's words, as a reader sees them. */
const words = {
  id: {
    category: 'Apa yang ingin Anda laporkan?',
    calo: 'Calo atau perekrut tanpa izin',
    what: 'Apa yang terjadi?',
    place: 'Di mana kejadiannya?',
    placeDetail: 'Keterangan tempat (boleh kosong)',
    month: 'Kapan kejadiannya? Bulan',
    march: 'Maret',
    year: 'Kapan kejadiannya? Tahun',
    who: 'Siapa yang terlibat? (boleh kosong)',
    child: 'Apakah ada anak (di bawah 18 tahun) yang terlibat?',
    no: 'Tidak',
    files: 'Bukti (boleh kosong)',
    consent: /^Saya setuju laporan ini disimpan terenkripsi/,
    submit: 'Kirim laporan',
    receiptTitle: 'Laporan Anda sudah kami terima',
    print: 'Cetak halaman ini',
    summary: 'Ada masalah',
    errorTitle: /^Kesalahan: /,
    pdfChosen: 'Anda memilih file PDF',
    receipt: 'Kode tanda terima',
    statusCheck: 'Lihat status',
    underReview: 'Sedang diperiksa petugas',
    message: 'Informasi tambahan atau jawaban Anda',
    followUpSubmit: 'Kirim informasi',
    followUpAdded: 'Informasi tambahan Anda sudah kami terima.',
  },
  en: {
    category: 'What do you want to report?',
    calo: 'A calo or unlicensed recruiter',
    what: 'What happened?',
    place: 'Where did it happen?',
    placeDetail: 'More about the place (optional)',
    month: 'When did it happen? Month',
    march: 'March',
    year: 'When did it happen? Year',
    who: 'Who is involved? (optional)',
    child: 'Is a child (under 18) involved?',
    no: 'No',
    files: 'Evidence (optional)',
    consent: /^I agree that this report is stored encrypted/,
    submit: 'Send report',
    receiptTitle: 'We have received your report',
    print: 'Print this page',
    summary: 'There is a problem',
    errorTitle: /^Error: /,
    pdfChosen: 'You chose a PDF file',
    receipt: 'Receipt code',
    statusCheck: 'See status',
    underReview: 'Being reviewed by an officer',
    message: 'More information or your answer',
    followUpSubmit: 'Send information',
    followUpAdded: 'We have received your additional information.',
  },
} as const;

const RECEIPT = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/;

/** What a reporter types, with markers that must never appear in what a sealing browser sends. */
function story(tag: string) {
  const id = `${tag}-${Math.random().toString(36).slice(2, 10)}`;
  return {
    what: `Seorang calo meminta uang Rp15 juta untuk berangkat ke Malaysia. MARKER-WHAT-${id}\nDia datang dua kali ke rumah kami.`,
    placeDetail: `Desa Sukadana MARKER-PLACE-${id}`,
    who: `Pak X dari PT Contoh MARKER-WHO-${id}`,
    markers: [`MARKER-WHAT-${id}`, `MARKER-PLACE-${id}`, `MARKER-WHO-${id}`],
  };
}
type Story = ReturnType<typeof story>;

interface Tab {
  page: Page;
  /** Console messages about the Content Security Policy, from every page this tab showed. */
  csp: string[];
  /** Uncaught exceptions in the page's scripts. */
  errors: string[];
  /** Every request this tab made, with the body of each POST. */
  requests: { method: string; url: string; contentType: string; body: Buffer | null }[];
  close(): Promise<void>;
}

async function open(path: string, options: { javaScriptEnabled?: boolean; before?: (page: Page) => Promise<unknown> } = {}): Promise<Tab> {
  const { page, csp, close } = await newTab(browser, { javaScriptEnabled: options.javaScriptEnabled });
  const errors: string[] = [];
  const requests: Tab['requests'] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  await options.before?.(page);
  page.on('request', (request: Request) => {
    requests.push({ method: request.method(), url: request.url(), contentType: request.headers()['content-type'] ?? '', body: request.postDataBuffer() });
  });
  await page.goto(`${site.url}${path}`);
  return { page, csp, errors, requests, close };
}

const posts = (tab: Tab, path: string) => tab.requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === path);

/** Nothing but this site: no request to any other host. */
function expectOnlyThisSite(tab: Tab): void {
  const foreign = tab.requests.filter((r) => !r.url.startsWith(`${site.url}/`) && !r.url.startsWith('data:')).map((r) => r.url);
  expect(foreign, 'requests to another host').toEqual([]);
}

/** Runs a test in the tab, then checks the tab broke no CSP rule and threw no script error; closes the tab whatever happens. */
async function inTab(tab: Tab, test: () => Promise<void>): Promise<void> {
  try {
    await test();
    expect(tab.csp, 'CSP violations').toEqual([]);
    expect(tab.errors, 'script errors').toEqual([]);
  } finally {
    await tab.close();
  }
}

const focusedIn = (page: Page, selector: string) => page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector);

/** Fills the report by its labels, the way a reader does. */
async function fillReport(page: Page, lang: Lang, s: Story, o: { photo?: boolean; consent?: boolean } = {}): Promise<void> {
  const w = words[lang];
  const form = page.getByRole('main');
  await form.getByRole('group', { name: w.category }).getByRole('radio', { name: w.calo, exact: true }).check();
  await form.getByLabel(w.what, { exact: true }).fill(s.what);
  await form.getByLabel(w.place, { exact: true }).selectOption({ label: 'Kabupaten Lampung Timur' });
  await form.getByLabel(w.placeDetail, { exact: true }).fill(s.placeDetail);
  await form.getByLabel(w.month, { exact: true }).selectOption({ label: w.march });
  await form.getByLabel(w.year, { exact: true }).selectOption({ label: lastYear });
  await form.getByLabel(w.who, { exact: true }).fill(s.who);
  await form.getByRole('group', { name: w.child }).getByRole('radio', { name: w.no, exact: true }).check();
  if (o.photo ?? true) await form.getByLabel(w.files, { exact: true }).setInputFiles(photoPath);
  if (o.consent ?? true) await form.getByRole('checkbox', { name: w.consent }).check();
}

/** Posts a form the way a browser without JavaScript does; returns the status of the page it answered with. */
async function submitAndWait(page: Page, button: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().method() === 'POST'),
    page.waitForEvent('framenavigated'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

/** The receipt: its heading, the code, the print button (only with JavaScript). Returns the code. */
async function expectReceipt(page: Page, lang: Lang, javaScript: boolean): Promise<string> {
  const w = words[lang];
  const heading = page.getByRole('heading', { level: 2, name: w.receiptTitle });
  await heading.waitFor();
  expect(await page.title()).toMatch(new RegExp(`^${w.receiptTitle}`));
  const code = (await page.locator('.receipt-code').textContent())?.trim() ?? '';
  expect(code).toMatch(RECEIPT);
  expect(await page.getByRole('button', { name: w.print }).isVisible(), 'the print button shows only with JavaScript').toBe(javaScript);
  expect(await page.getByRole('button', { name: w.submit }).count(), 'the form is gone').toBe(0);
  return code;
}

/** What the officer opens: the report as typed, the photo without EXIF, as a JPEG of the same size. */
async function expectOfficerReads(receipt: string, s: Story): Promise<void> {
  const opened = await openAsOfficer(tipsStore('dev', site.blobs), keys, receipt);
  expect(opened.head).toMatchObject({ category: 'calo', childInvolved: 'tidak' });
  const [entry] = opened.entries;
  expect(entry!.kind).toBe('report');
  expect(entry!.content).toMatchObject({ category: 'calo', what: s.what, place: '1804', placeDetail: s.placeDetail, whenMonth: '3', whenYear: lastYear, who: s.who, childInvolved: 'tidak', contactWanted: false });
  expect(entry!.content).not.toHaveProperty('contact');
  expect(entry!.files.map((f) => f.meta)).toMatchObject([{ name: 'bukti-1.jpg', type: 'image/jpeg' }]);
  const photo = entry!.files[0]!.bytes;
  expect(hasExif(photo, EXIF_MARKER), 'the stored photo has no EXIF').toBe(false);
  const meta = await sharp(photo).metadata();
  expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif }).toEqual({ format: 'jpeg', width: 64, height: 48, exif: undefined });
}

/**
 * Markers must not appear in a request. Short words are looked for outside the sealed boxes' random
 * base64 (where "Exif" turns up by chance about once in two hundred 64 KiB boxes); long markers
 * everywhere, the boxes included.
 */
function expectNoPlaintext(text: string, markers: string[]): void {
  const outsideBoxes = JSON.stringify(JSON.parse(text), (key, value) => (['ciphertext', 'enc', 'key', 'nonce'].includes(key) ? '' : value));
  for (const marker of markers) {
    expect(outsideBoxes, `the request carries "${marker}"`).not.toContain(marker);
    if (marker.length >= 12) expect(text, `the request carries "${marker}"`).not.toContain(marker);
  }
}

/** What a sealing browser sent: JSON with a sealed report, and no word of the report nor a byte of the photo's EXIF. */
function expectSealed(body: Buffer | null, contentType: string, s: Story, wrapper: 'sealed'): Record<string, unknown> {
  expect(contentType).toMatch(/^application\/json/);
  const text = body?.toString('latin1') ?? '';
  expectNoPlaintext(text, [...s.markers, EXIF_MARKER, 'Exif', PHOTO_NAME, 'Sukadana', 'Rp15']);
  const json = JSON.parse(body!.toString('utf8')) as Record<string, unknown>;
  expect(json).toHaveProperty(wrapper);
  return json;
}

describe('with JavaScript: the report is sealed in the browser', () => {
  it.each(['id', 'en'] as const)('%s: form, photo with GPS, receipt; the officer reads it and the photo has no EXIF', async (lang) => {
    const s = story(`js-${lang}`);
    const tab = await open(`${prefix(lang)}/lapor/`);
    const { page } = tab;
    await inTab(tab, async () => {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      if (lang === 'id') await expectAxeClean(page, 'the empty report form, JavaScript on');
      await fillReport(page, lang, s);
      await page.getByRole('button', { name: words[lang].submit }).click();
      const receipt = await expectReceipt(page, lang, true);
      expect(new URL(page.url()).pathname, 'the receipt replaced the form in place').toBe(`${prefix(lang)}/lapor/`);
      expect(await focusedIn(page, '#receipt-h'), 'the receipt heading has focus').toBe(true);
      await expectAxeClean(page, 'the receipt, JavaScript on');
      await page.evaluate(() => {
        window.print = () => void (document.body.dataset.printed = 'yes');
      });
      await page.getByRole('button', { name: words[lang].print }).click();
      expect(await page.evaluate(() => document.body.dataset.printed), 'the print button prints').toBe('yes');

      const keysAt = tab.requests.findIndex((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/tips/keys');
      const postAt = tab.requests.findIndex((r) => r.method === 'POST');
      expect(keysAt >= 0 && keysAt < postAt, 'the keys were fetched while the reader wrote').toBe(true);
      const sent = posts(tab, '/api/tips');
      expect(sent.length).toBe(1);
      const body = expectSealed(sent[0]!.body, sent[0]!.contentType, s, 'sealed');
      expect(body).toMatchObject({ lang, sealed: { category: 'calo', childInvolved: 'tidak' } });
      expect((body.sealed as { files?: unknown[] }).files).toHaveLength(1);
      // Nothing else left the page in the clear either.
      for (const r of tab.requests) for (const marker of s.markers) expect(r.body?.toString('latin1') ?? '', r.url).not.toContain(marker);

      await expectOfficerReads(receipt, s);
      expectOnlyThisSite(tab);
    });
  });

  it('checks in the browser: error summary focused, links to fields, typed values and the chosen photo kept', async () => {
    const s = story('js-errors');
    const tab = await open('/lapor/');
    const { page } = tab;
    const w = words.id;
    await inTab(tab, async () => {
      await page.getByRole('button', { name: w.submit }).click();
      const summary = page.getByRole('alert');
      await summary.waitFor();
      expect(posts(tab, '/api/tips'), 'nothing is sent while the browser finds errors').toEqual([]);
      expect(await page.title()).toMatch(w.errorTitle);
      expect(await summary.getByRole('heading', { name: w.summary }).isVisible()).toBe(true);
      expect(await focusedIn(page, '.err-summary'), 'the summary has focus').toBe(true);
      const hrefs = await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['#category', '#what', '#childInvolved', '#consent']);
      expect(await page.locator('#what-error').textContent()).toBe('Kesalahan: Tulis apa yang terjadi');
      expect((await page.getByLabel(w.what, { exact: true }).getAttribute('aria-describedby'))?.split(' ')).toContain('what-error');
      await expectAxeClean(page, 'the report form with errors, JavaScript on');

      // A PDF is announced for what we cannot remove from it.
      await page.getByLabel(w.files, { exact: true }).setInputFiles(pdfPath);
      await expect.poll(() => page.getByRole('status').filter({ hasText: w.pdfChosen }).count()).toBe(1);

      // Everything but the consent, and a photo: the photo is still attached after the error.
      await fillReport(page, 'id', s, { consent: false });
      await page.getByRole('button', { name: w.submit }).click();
      await expect.poll(() => page.getByRole('alert').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#consent']);
      expect(posts(tab, '/api/tips')).toEqual([]);
      expect(await page.getByLabel(w.what, { exact: true }).inputValue()).toBe(s.what);
      expect(await page.getByLabel(w.who, { exact: true }).inputValue()).toBe(s.who);
      expect(await page.getByLabel(w.placeDetail, { exact: true }).inputValue()).toBe(s.placeDetail);
      expect(await page.getByLabel(w.place, { exact: true }).inputValue()).toBe('1804');
      expect(await page.getByLabel(w.month, { exact: true }).inputValue()).toBe('3');
      expect(await page.getByLabel(w.year, { exact: true }).inputValue()).toBe(lastYear);
      expect(await page.getByRole('group', { name: w.child }).getByRole('radio', { name: w.no, exact: true }).isChecked()).toBe(true);
      const attached = await page.getByLabel(w.files, { exact: true }).evaluate((el) => Array.from((el as HTMLInputElement).files ?? []).map((f) => f.name));
      expect(attached, 'the chosen photo is still attached').toEqual([PHOTO_NAME]);
      expect(await page.getByText('Demi keamanan, file tidak bisa diisi ulang').count(), 'no "choose your files again"').toBe(0);

      // Fixed: sent with the photo it kept.
      await page.getByRole('checkbox', { name: w.consent }).check();
      await page.getByRole('button', { name: w.submit }).click();
      const receipt = await expectReceipt(page, 'id', true);
      expectSealed(posts(tab, '/api/tips')[0]!.body, posts(tab, '/api/tips')[0]!.contentType, s, 'sealed');
      await expectOfficerReads(receipt, s);
      expectOnlyThisSite(tab);
    });
  });
});

describe('with JavaScript: when something goes wrong', () => {
  it('reseals once to the new officer keys after a 409, and the report arrives', async () => {
    const s = story('js-409');
    // The page was loaded before the officers' keys changed: it still holds a key nobody has now.
    const stale = { keys: [{ id: 'old-officer', publicKey: Buffer.from(randomBytes(32)).toString('base64') }] };
    const tab = await open('/lapor/', { before: (page) => page.route('**/api/tips/keys', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(stale) })) });
    const { page } = tab;
    await inTab(tab, async () => {
      await fillReport(page, 'id', s);
      await page.getByRole('button', { name: words.id.submit }).click();
      const receipt = await expectReceipt(page, 'id', true);
      const sent = posts(tab, '/api/tips');
      expect(sent.length, 'sealed to the old keys, then to the new ones').toBe(2);
      for (const r of sent) expectSealed(r.body, r.contentType, s, 'sealed');
      const recipientsOf = (r: (typeof sent)[number]) => (JSON.parse(r.body!.toString('utf8')) as { sealed: { report: { recipients: { id: string }[] } } }).sealed.report.recipients.map((x) => x.id);
      expect(sent.map(recipientsOf)).toEqual([['old-officer'], [keys.officer.id]]);
      await expectOfficerReads(receipt, s);
    });
  });

  it('shows a network error above the form with everything kept, never posts the report in the clear, and sends it on the next try', async () => {
    const s = story('js-offline');
    const w = words.id;
    const tab = await open('/lapor/');
    const { page } = tab;
    await inTab(tab, async () => {
      await fillReport(page, 'id', s);
      await page.route('**/api/tips', (route) => route.abort('internetdisconnected'));
      await page.getByRole('button', { name: w.submit }).click();
      const notice = page.getByRole('alert');
      await notice.getByRole('heading', { name: 'Layanan laporan sedang bermasalah' }).waitFor();
      expect(await focusedIn(page, '.err-summary'), 'the notice has focus').toBe(true);
      expect(await page.title()).toMatch(w.errorTitle);
      expect(await page.getByLabel(w.what, { exact: true }).inputValue()).toBe(s.what);
      expect(await page.getByLabel(w.who, { exact: true }).inputValue()).toBe(s.who);
      expect(await page.getByRole('checkbox', { name: w.consent }).isChecked()).toBe(true);
      expect(await page.getByLabel(w.files, { exact: true }).evaluate((el) => Array.from((el as HTMLInputElement).files ?? []).map((f) => f.name))).toEqual([PHOTO_NAME]);
      await expectAxeClean(page, 'the form with a network error notice');
      const tried = posts(tab, '/api/tips');
      expect(tried.length).toBe(1);
      expectSealed(tried[0]!.body, tried[0]!.contentType, s, 'sealed');

      await page.unroute('**/api/tips');
      await page.getByRole('button', { name: w.submit }).click();
      const receipt = await expectReceipt(page, 'id', true);
      for (const r of posts(tab, '/api/tips')) expectSealed(r.body, r.contentType, s, 'sealed');
      await expectOfficerReads(receipt, s);
    });
  });

  it('without WebCrypto, posts the form as it is and the function seals it', async () => {
    const s = story('js-no-crypto');
    const tab = await open('/lapor/', {
      before: (page) =>
        page.addInitScript(() => {
          Object.defineProperty(globalThis.crypto, 'subtle', { get: () => undefined, configurable: true });
        }),
    });
    const { page } = tab;
    await inTab(tab, async () => {
      expect(await page.evaluate(() => globalThis.crypto.subtle)).toBeUndefined();
      await fillReport(page, 'id', s);
      expect(await submitAndWait(page, words.id.submit)).toBe(201);
      const receipt = await expectReceipt(page, 'id', true);
      expect(posts(tab, '/api/tips').map((r) => r.contentType)).toEqual([expect.stringMatching(/^multipart\/form-data/)]);
      await expectOfficerReads(receipt, s);
    });
  });
});

describe('without JavaScript: the function seals the report', () => {
  it.each(['id', 'en'] as const)('%s: multipart post, receipt page; the officer reads it and the photo has no EXIF', async (lang) => {
    const s = story(`nojs-${lang}`);
    const tab = await open(`${prefix(lang)}/lapor/`, { javaScriptEnabled: false });
    const { page } = tab;
    await inTab(tab, async () => {
      if (lang === 'id') await expectAxeClean(page, 'the empty report form, JavaScript off');
      await fillReport(page, lang, s);
      expect(await submitAndWait(page, words[lang].submit)).toBe(201);
      const receipt = await expectReceipt(page, lang, false);
      const sent = posts(tab, '/api/tips');
      expect(sent.length).toBe(1);
      expect(sent[0]!.contentType).toMatch(/^multipart\/form-data/);
      expect(tab.requests.some((r) => new URL(r.url).pathname === '/api/tips/keys')).toBe(false);
      await expectAxeClean(page, 'the receipt page, JavaScript off');
      await expectOfficerReads(receipt, s);
      expectOnlyThisSite(tab);
    });
  });

  it('shows the GOV.UK error summary from the function, links each error, keeps what was typed', async () => {
    const s = story('nojs-errors');
    const tab = await open('/lapor/', { javaScriptEnabled: false });
    const { page } = tab;
    const w = words.id;
    await inTab(tab, async () => {
      expect(await submitAndWait(page, w.submit)).toBe(422);
      expect(await page.title()).toMatch(w.errorTitle);
      const summary = page.getByRole('alert');
      expect(await summary.getByRole('heading', { name: w.summary }).isVisible()).toBe(true);
      expect(await focusedIn(page, '.err-summary'), 'the summary has focus').toBe(true);
      const hrefs = await summary.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['#category', '#what', '#childInvolved', '#consent']);
      await expectAxeClean(page, 'the report form with errors, JavaScript off');

      await summary.getByRole('link').nth(1).click();
      expect(new URL(page.url()).hash).toBe('#what');

      await fillReport(page, 'id', s, { consent: false });
      expect(await submitAndWait(page, w.submit)).toBe(422);
      expect(await page.title()).toMatch(w.errorTitle);
      expect(await page.getByRole('alert').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#consent']);
      expect(await page.getByLabel(w.what, { exact: true }).inputValue()).toBe(s.what);
      expect(await page.getByLabel(w.who, { exact: true }).inputValue()).toBe(s.who);
      expect(await page.getByLabel(w.place, { exact: true }).inputValue()).toBe('1804');
      expect(await page.getByRole('group', { name: w.category }).getByRole('radio', { name: w.calo, exact: true }).isChecked()).toBe(true);
      // No page can fill a file input: it says so.
      expect(await page.getByText('Demi keamanan, file tidak bisa diisi ulang').count()).toBe(1);
    });
  });
});

describe('after the report: the status, an officer’s reply, a follow-up', () => {
  /** Sends a report through the API as a browser without JavaScript would (faster than the page). */
  async function reportFor(lang: Lang, s: Story): Promise<string> {
    const form = new URLSearchParams({ lang, category: 'calo', what: s.what, childInvolved: 'tidak', contactWanted: 'tidak', consent: 'ya' });
    const response = await fetch(`${site.url}/api/tips`, { method: 'POST', body: form, headers: { accept: 'application/json' } });
    expect(response.status).toBe(201);
    return ((await response.json()) as { receipt: string }).receipt;
  }

  it.each([
    ['id', true],
    ['en', false],
  ] as const)('%s (JavaScript %s): reads the status and the reply with the receipt, sends more, the officer opens it', async (lang, javaScript) => {
    const w = words[lang];
    const s = story(`status-${lang}`);
    const receipt = await reportFor(lang, s);
    const reply = `Pesan petugas: mohon kirim foto kwitansi. REPLY-${Math.random().toString(36).slice(2, 8)}`;
    await replyAsOfficer(tipsStore('dev', site.blobs), keys, receipt, { text: reply, status: 'under-review' });

    const tab = await open(`${prefix(lang)}/lapor/status/`, { javaScriptEnabled: javaScript });
    const { page } = tab;
    await inTab(tab, async () => {
      if (lang === 'id') await expectAxeClean(page, 'the status page');
      // Typed as people type it: lower case, without the dashes.
      await page.getByLabel(w.receipt, { exact: true }).fill(receipt.toLowerCase().replace(/-/g, ''));
      expect(await submitAndWait(page, w.statusCheck)).toBe(200);
      const main = page.getByRole('main');
      expect(await main.getByText(w.underReview, { exact: true }).isVisible()).toBe(true);
      expect(await main.getByText(reply, { exact: true }).isVisible()).toBe(true);
      expect(await main.getByText(s.markers[0]!).count(), 'the report itself is not shown again').toBe(0);
      await expectAxeClean(page, `the status result (${lang})`);

      const more = `Ini foto kwitansinya. FOLLOW-UP-${Math.random().toString(36).slice(2, 10)}`;
      await page.getByLabel(w.message, { exact: true }).fill(more);
      await page.getByLabel(w.files, { exact: true }).setInputFiles(photoPath);
      if (javaScript) {
        await page.getByRole('button', { name: w.followUpSubmit }).click();
        const added = page.getByText(w.followUpAdded, { exact: true });
        await added.waitFor();
        const sent = posts(tab, '/api/tips/messages');
        expect(sent.map((r) => r.contentType)).toEqual([expect.stringMatching(/^application\/json/)]);
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'the confirmation has focus').toBe(w.followUpAdded);
        const text = sent[0]!.body?.toString('latin1') ?? '';
        expectNoPlaintext(text, [more, 'FOLLOW-UP-', 'kwitansinya', EXIF_MARKER, 'Exif', PHOTO_NAME]);
        expect(JSON.parse(text)).toMatchObject({ lang, receipt, sealed: {} });
        expect(await page.getByLabel(w.message, { exact: true }).inputValue(), 'the message box is empty again').toBe('');
        expect(await page.getByLabel(w.files, { exact: true }).evaluate((el) => (el as HTMLInputElement).files?.length ?? 0)).toBe(0);
      } else {
        expect(await submitAndWait(page, w.followUpSubmit)).toBe(201);
        expect(await page.getByText(w.followUpAdded, { exact: true }).isVisible()).toBe(true);
        expect(posts(tab, '/api/tips/messages')[0]!.contentType).toMatch(/^multipart\/form-data/);
      }
      await expectAxeClean(page, `the follow-up confirmation (${lang})`);

      const opened = await openAsOfficer(tipsStore('dev', site.blobs), keys, receipt);
      const followUp = opened.entries.find((e) => e.kind === 'follow-up');
      expect(followUp?.content).toMatchObject({ message: more });
      expect(followUp!.files.map((f) => f.meta)).toMatchObject([{ name: 'bukti-1.jpg', type: 'image/jpeg' }]);
      expect(hasExif(followUp!.files[0]!.bytes, EXIF_MARKER)).toBe(false);
      expectOnlyThisSite(tab);
    });
  });
});
