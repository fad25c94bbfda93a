/**
 * Reading the site as people do: by keyboard, with JavaScript off, on paper, switching language,
 * using the self-check and the search. Elements are found by role and label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { builtPages } from '../support/built-site.ts';
import { projectRoot } from '../support/project-copy.ts';
import { serveSite, type LocalSite } from '../../src/cli/serve.ts';

let site: LocalSite;
let browser: Browser;
const guidePaths = builtPages()
  .map((p) => p.path)
  .filter((p) => /^\/(en\/)?panduan\/[^/]+\/$/.test(p));

beforeAll(async () => {
  site = await serveSite({ root: projectRoot, port: 0, quiet: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1024, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  return page;
}

describe('keyboard', () => {
  it('reaches the skip link first, shows it, and moves focus to the main content', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Langsung ke isi utama' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.width > 0 && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('walks the header and menu in order with a visible focus indicator', async () => {
    const page = await open('/panduan/');
    const names: string[] = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      names.push(await page.evaluate(() => (document.activeElement as HTMLElement).innerText.trim().split('\n')[0] ?? ''));
      const background = await page.evaluate(() => getComputedStyle(document.activeElement!).backgroundColor);
      expect(background, names.at(-1)).toBe('rgb(255, 221, 0)');
    }
    expect(names).toEqual(['Langsung ke isi utama', 'LTSA PMI Lampung', 'English', 'Panduan', 'Negara tujuan', 'Waspada perdagangan orang', 'Pengumuman', 'Kontak', 'Cari']);
    await page.context().close();
  });

  it('follows a guide link with Enter', async () => {
    const page = await open('/panduan/');
    const first = page.getByRole('main').locator('ol.cards').getByRole('link').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/panduan\/[^/]+\/$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  it('shows every step of every guide, fully expanded, in both languages', async () => {
    expect(guidePaths.length).toBeGreaterThanOrEqual(16);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of guidePaths) {
      await page.goto(`${site.url}${path}`);
      const toc = page.getByRole('navigation', { name: /Daftar langkah|List of steps/ }).getByRole('link');
      const count = await toc.count();
      expect(count, path).toBeGreaterThan(0);
      for (let i = 1; i <= count; i++) {
        const step = page.locator(`#langkah-${i}`);
        expect(await step.isVisible(), `${path} step ${i}`).toBe(true);
        for (const term of path.startsWith('/en/') ? ['Cost', 'Where', 'How long'] : ['Biaya', 'Di mana', 'Lama waktu']) {
          expect(await step.getByText(term, { exact: true }).isVisible(), `${path} step ${i} ${term}`).toBe(true);
        }
      }
    }
    await context.close();
  });

  it('gives the self-check result from CSS alone, and sends nothing', async () => {
    const page = await open('/waspada/', { javaScriptEnabled: false });
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const boxes = page.getByRole('group', { name: 'Periksa tawaran kerja Anda' }).getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThanOrEqual(6);
    const risk = page.getByText(/Anda mencentang tanda bahaya/);
    expect(await risk.isVisible()).toBe(false);
    await boxes.first().check();
    expect(await risk.isVisible()).toBe(true);
    await boxes.first().uncheck();
    expect(await risk.isVisible()).toBe(false);
    expect(requests, 'the self-check sends nothing').toEqual([]);
    await page.context().close();
  });

  it('explains on the search page that search needs JavaScript, and links onward', async () => {
    const page = await open('/cari/', { javaScriptEnabled: false });
    expect(await page.getByText(/Pencarian membutuhkan JavaScript/).isVisible()).toBe(true);
    expect(await page.getByRole('searchbox').isVisible()).toBe(false);
    expect(await page.getByRole('main').getByRole('link', { name: 'Panduan' }).isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('print', () => {
  it('prints a guide without the menu, with every step and the address of external links', async () => {
    const page = await open(guidePaths.find((p) => !p.startsWith('/en/'))!);
    expect(await page.getByRole('navigation', { name: 'Menu utama' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Menu utama' }).isVisible()).toBe(false);
    expect(await page.locator('#langkah-1').isVisible()).toBe(true);
    const after = await page.evaluate(() => {
      const a = document.querySelector('main a[href^="http"]');
      return a ? getComputedStyle(a, '::after').content : 'none';
    });
    expect(after).toMatch(/attr\(href\)|http/);
    await page.context().close();
  });

  it('prints the self-check as a checklist with its instruction, not a live result', async () => {
    const page = await open('/waspada/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText(/Jika ada satu saja yang dicentang/).isVisible()).toBe(true);
    expect(await page.getByText(/Belum ada tanda bahaya/).isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('language and search', () => {
  it('switches a guide to the same guide in English and back', async () => {
    const path = guidePaths.find((p) => !p.startsWith('/en/'))!;
    const page = await open(path);
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await page.waitForURL(`${site.url}/en${path}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('link', { name: 'Baca halaman ini dalam Bahasa Indonesia' }).click();
    await page.waitForURL(`${site.url}${path}`);
    await page.context().close();
  });

  it('finds the passport guide by searching, in each language', async () => {
    for (const [path, term, label, button, target] of [
      ['/cari/', 'paspor', 'Kata yang dicari', 'Cari', '/panduan/paspor-pmi/'],
      ['/en/cari/', 'passport', 'Search for', 'Search', '/en/panduan/paspor-pmi/'],
    ] as const) {
      const page = await open(path);
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) blocked.push(message.text());
      });
      await page.getByRole('searchbox', { name: label }).fill(term);
      await page.getByRole('main').getByRole('button', { name: button, exact: true }).click();
      const result = page.locator('#search-results a').filter({ hasText: /./ });
      await result.first().waitFor({ timeout: 15_000 });
      const hrefs = await result.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(hrefs).toContain(target);
      expect(page.url()).toContain(`?q=${term}`);
      expect(blocked, 'CSP violations while searching').toEqual([]);
      await page.context().close();
    }
  });
});

describe('on a narrow phone', () => {
  // The body breaks long words anywhere (a URL must not widen the page); in a table cell that made
  // auto layout squeeze columns until words broke letter by letter ("M al ay si a").
  it.each([320, 390])('the destinations table splits no word inside a cell at %i px, and scrolls in a labelled region', async (width) => {
    for (const path of ['/negara/', '/en/negara/']) {
      const page = await open(path, { width });
      const split = await page.evaluate(() => {
        const found: string[] = [];
        for (const cell of document.querySelectorAll('main table th, main table td')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            for (const match of text.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index!);
              range.setEnd(node, match.index! + match[0].length);
              // A word drawn on two lines has two boxes.
              if (range.getClientRects().length > 1) found.push(match[0]);
            }
          }
        }
        return found;
      });
      expect(split, `${path} at ${width} px`).toEqual([]);
      const region = page.getByRole('region', { name: /status|Status/ });
      expect(await region.getAttribute('tabindex')).toBe('0');
      // The page itself never scrolls sideways; only the table's region may.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.context().close();
    }
  });

  it.each([320, 390])('the header takes two short rows at %i px, and its menu opens without JavaScript', async (width) => {
    const page = await open('/panduan/', { width, javaScriptEnabled: false });
    const height = await page.evaluate(() => document.querySelector('header')!.getBoundingClientRect().height);
    // Before the menu folded, three rows of links made it about 270 px, a third of a 390 × 844 screen.
    expect(height).toBeLessThan(120);
    const menu = page.getByRole('navigation', { name: 'Menu utama' });
    await expect.poll(() => menu.isVisible()).toBe(false);
    await page.getByText('Menu', { exact: true }).click();
    const names = await menu.getByRole('link').allInnerTexts();
    expect(names).toEqual(['Panduan', 'Negara tujuan', 'Waspada perdagangan orang', 'Pengumuman', 'Kontak', 'Cari']);
    // One menu landmark at a time, never two.
    expect(await page.getByRole('navigation', { name: 'Menu utama' }).count()).toBe(1);
    await page.context().close();
  });
});
