/**
 * Every page in the sitemap, in both languages, in Chromium at 320 px: zero axe violations (WCAG 2.2
 * A and AA), no horizontal scroll, no request to another origin, and no broken internal link or anchor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, WCAG_TAGS } from '../support/browser.ts';
import { builtPages, sitemapPaths } from '../support/built-site.ts';
import { projectRoot } from '../support/project-copy.ts';
import { serveSite, type LocalSite } from '../../src/cli/serve.ts';

let site: LocalSite;
let browser: Browser;
let context: BrowserContext;
const paths = [...sitemapPaths(), '/404/'];
const links = new Map<string, string>(); // target -> first page linking to it

beforeAll(async () => {
  site = await serveSite({ root: projectRoot, port: 0, quiet: true });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('every page', () => {
  it('lists both languages in the sitemap', () => {
    expect(paths.filter((p) => p.startsWith('/en/')).length).toBeGreaterThan(20);
    expect(paths.filter((p) => !p.startsWith('/en/')).length).toBeGreaterThan(20);
  });

  it.each(paths)('%s: passes axe, fits 320 px, stays on this origin, breaks no CSP rule', async (path) => {
    const page = await context.newPage();
    const foreign: string[] = [];
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) blocked.push(message.text());
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== site.url && url.protocol !== 'data:') foreign.push(request.url());
    });
    try {
      const response = await page.goto(`${site.url}${path === '/404/' ? '/404.html' : path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      expect(violations).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'horizontal scroll at 320 px').toBeLessThanOrEqual(0);
      expect(foreign).toEqual([]);
      expect(blocked, 'CSP violations').toEqual([]);
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin === site.url && !links.has(url.pathname + url.hash)) links.set(url.pathname + url.hash, path);
      }
    } finally {
      await page.close();
    }
  });

  it('has no broken internal link or anchor', async () => {
    expect(links.size).toBeGreaterThan(50);
    const byPath = new Map(builtPages().map((p) => [p.path, p]));
    const broken: string[] = [];
    for (const [target, from] of links) {
      const [pathname, hash] = target.split('#') as [string, string | undefined];
      const response = await fetch(`${site.url}${pathname}`, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status !== 200) {
        broken.push(`${from} -> ${target}: HTTP ${response.status}`);
        continue;
      }
      if (hash && pathname.endsWith('/')) {
        const page = byPath.get(pathname);
        if (!page?.dom.querySelector(`[id="${decodeURIComponent(hash)}"]`)) broken.push(`${from} -> ${target}: no element with id "${hash}"`);
      }
    }
    expect(broken).toEqual([]);
  });
});
