/**
 * The quick exit on the reporting pages, in Chromium: the link and three presses of Escape replace the
 * page with the neutral one, so the report page is not one step back in the history; without
 * JavaScript it is a plain link there. The neutral site is answered by the test (page.route), so
 * nothing leaves this machine. The reporting pages send no referrer and pass axe (WCAG 2.2 A/AA).
 * Elements are found by role and label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, WCAG_TAGS } from '../support/browser.ts';
import { projectRoot } from '../support/project-copy.ts';
import { serveSite, type LocalSite } from '../../src/cli/serve.ts';
import { ESCAPE_PRESSES, ESCAPE_WINDOW_MS, NEUTRAL_URL } from '../../src/lib/quick-exit.ts';

let site: LocalSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite({ root: projectRoot, port: 0, quiet: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Lang = 'id' | 'en';
const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');
const label: Record<Lang, string> = { id: 'Keluar cepat', en: 'Quick exit' };
const NEUTRAL_TITLE = 'Prakiraan cuaca';

interface Tab {
  page: Page;
  context: BrowserContext;
  /** Requests to the neutral site, with the Referer header each carried. */
  neutral: { url: string; referer: string | undefined }[];
}

/** Opens /waspada/ and then the reporting page, so there is a page before it in the history. */
async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Tab> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1024, height: 800 } });
  const neutral: Tab['neutral'] = [];
  await context.route(`${NEUTRAL_URL}**`, (route) => {
    neutral.push({ url: route.request().url(), referer: route.request().headers()['referer'] });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="id"><title>${NEUTRAL_TITLE}</title><h1>${NEUTRAL_TITLE}</h1></html>` });
  });
  const page = await context.newPage();
  const lang = path.startsWith('/en/') ? 'en' : 'id';
  await page.goto(`${site.url}${prefix(lang)}/waspada/`);
  await page.goto(`${site.url}${path}`);
  return { page, context, neutral };
}

async function expectNeutral(tab: Tab): Promise<void> {
  await tab.page.waitForURL(NEUTRAL_URL);
  expect(await tab.page.title()).toBe(NEUTRAL_TITLE);
  expect(tab.neutral.map((r) => r.url)).toEqual([NEUTRAL_URL]);
  expect(tab.neutral[0]!.referer, 'no Referer to the neutral site').toBeUndefined();
}

/** Back from the neutral page lands on the page before the report, never on the report. */
async function expectBackSkipsReport(tab: Tab, lang: Lang): Promise<void> {
  await tab.page.goBack();
  expect(new URL(tab.page.url()).pathname).toBe(`${prefix(lang)}/waspada/`);
}

describe('quick exit with JavaScript', () => {
  it.each(['id', 'en'] as const)('%s: the link replaces the report page in the history', async (lang) => {
    const tab = await open(`${prefix(lang)}/lapor/`);
    const before = await tab.page.evaluate(() => history.length);
    await tab.page.getByRole('link', { name: label[lang] }).click();
    await expectNeutral(tab);
    expect(await tab.page.evaluate(() => history.length)).toBe(before);
    await expectBackSkipsReport(tab, lang);
    await tab.context.close();
  });

  it(`leaves after ${ESCAPE_PRESSES} presses of Escape within ${ESCAPE_WINDOW_MS} ms, not fewer`, async () => {
    const tab = await open('/lapor/status/');
    const before = await tab.page.evaluate(() => history.length);
    for (let i = 1; i < ESCAPE_PRESSES; i++) await tab.page.keyboard.press('Escape');
    await tab.page.waitForTimeout(200);
    expect(new URL(tab.page.url()).pathname).toBe('/lapor/status/');
    await tab.page.keyboard.press('Escape');
    await expectNeutral(tab);
    expect(await tab.page.evaluate(() => history.length)).toBe(before);
    await expectBackSkipsReport(tab, 'id');
    await tab.context.close();
  });

  it('does not count presses further apart than the window', async () => {
    const tab = await open('/en/lapor/');
    for (let i = 1; i < ESCAPE_PRESSES; i++) await tab.page.keyboard.press('Escape');
    await tab.page.waitForTimeout(ESCAPE_WINDOW_MS + 100);
    await tab.page.keyboard.press('Escape');
    await tab.page.waitForTimeout(200);
    expect(new URL(tab.page.url()).pathname).toBe('/en/lapor/');
    expect(tab.neutral).toEqual([]);
    await tab.context.close();
  });

  it('shows the Escape hint on a desktop screen and keeps the control in view while scrolling', async () => {
    const tab = await open('/lapor/');
    const hint = tab.page.getByText(`atau tekan Esc ${ESCAPE_PRESSES} kali`);
    expect(await hint.isVisible()).toBe(true);
    await tab.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await tab.page.getByRole('link', { name: label.id }).boundingBox();
    expect(box && box.y >= 0 && box.y < 80).toBe(true);
    await tab.context.close();
  });

  it('is a big tap target on a phone, where the Escape hint is not shown', async () => {
    const tab = await open('/lapor/', { width: 320 });
    const box = await tab.page.getByRole('link', { name: label.id }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(200);
    expect(await tab.page.getByText(`atau tekan Esc ${ESCAPE_PRESSES} kali`).isVisible()).toBe(false);
    await tab.context.close();
  });
});

describe('quick exit without JavaScript', () => {
  it.each(['id', 'en'] as const)('%s: is a plain link to the neutral page that sends no referrer', async (lang) => {
    const tab = await open(`${prefix(lang)}/lapor/`, { javaScriptEnabled: false });
    const link = tab.page.getByRole('link', { name: label[lang] });
    expect(await link.getAttribute('href')).toBe(NEUTRAL_URL);
    expect(await link.getAttribute('rel')).toMatch(/\bnoreferrer\b/);
    // The shortcut needs JavaScript, so its hint stays hidden.
    expect(await tab.page.getByText(/Esc/).isVisible()).toBe(false);
    await link.click();
    await expectNeutral(tab);
    await tab.context.close();
  });
});

describe('reporting pages', () => {
  const paths = ['/lapor/', '/lapor/status/', '/en/lapor/', '/en/lapor/status/'];

  it.each(paths)('%s: passes axe, sends no referrer, loads nothing from another host', async (path) => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== site.url) foreign.push(request.url());
    });
    const response = await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('keeps the frame the functions fill out of search engines, with the quick exit too', async () => {
    for (const path of ['/lapor/kerangka/', '/en/lapor/kerangka/']) {
      const html = await (await fetch(`${site.url}${path}`)).text();
      expect(html, path).toContain('<meta name="robots" content="noindex">');
      expect(html, path).toContain('<meta name="referrer" content="no-referrer">');
      expect(html, path).toContain(`href="${NEUTRAL_URL}"`);
      expect(html, path).not.toContain('data-pagefind-body');
    }
  });
});
