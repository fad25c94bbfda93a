/**
 * Browser tests' tabs and the checks made on every page they show: a tab in its own context on the
 * tests' clock that collects the console's Content Security Policy messages, and axe (WCAG 2.2 A/AA),
 * which a tab opened without JavaScript gets through a copy of its page (see expectAxeCleanWithoutScripts).
 */
import { expect } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { WCAG_TAGS } from './browser.ts';
import { useBrowserClock } from './clock.ts';

/** Tabs opened with javaScriptEnabled: false. */
const withoutScripts = new WeakSet<Page>();

const isCspMessage = (text: string) => /Content.Security.Policy/i.test(text);

export interface NewTab {
  page: Page;
  /** Console messages about the Content Security Policy, from every page this tab showed, each after its page's address. */
  csp: string[];
  close(): Promise<void>;
}

/** A tab in a context of its own (1024×800 unless `width` says otherwise), on the tests' clock, not yet at any address. */
export async function newTab(browser: Browser, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<NewTab> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1024, height: 800 }, deviceScaleFactor: 1 });
  await useBrowserClock(context);
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) withoutScripts.add(page);
  // A function call on the local server takes seconds (a new worker each time); a stuck one fails the test, not the run.
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(45_000);
  const csp: string[] = [];
  page.on('console', (message) => {
    if (isCspMessage(message.text())) csp.push(`${page.url()}: ${message.text()}`);
  });
  return { page, csp, close: () => context.close() };
}

/** axe's violations on the page as it is now, one line each: rule, help and up to three elements. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** No axe violation on the page; `what` names it in a failure. A tab from newTab without JavaScript is checked through a copy. */
export async function expectAxeClean(page: Page, what: string): Promise<void> {
  if (withoutScripts.has(page)) return expectAxeCleanWithoutScripts(page, what);
  expect(await axeViolations(page), `axe on ${what}`).toEqual([]);
}

/**
 * axe never finishes in a tab without JavaScript (its timers do not run there). So the page as that
 * tab shows it (its DOM, with the answers the server filled in) is loaded at the same address in a
 * tab that runs axe but blocks the page's own scripts: the same markup, styles and CSP, unenhanced.
 */
async function expectAxeCleanWithoutScripts(page: Page, what: string): Promise<void> {
  const markup = await page.content();
  const url = page.url();
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize() ?? { width: 1024, height: 800 }, deviceScaleFactor: 1 });
  await useBrowserClock(context);
  try {
    const copy = await context.newPage();
    const csp: string[] = [];
    copy.on('console', (message) => {
      if (isCspMessage(message.text())) csp.push(message.text());
    });
    await copy.route('**/*', (route) => {
      const request = route.request();
      if (request.resourceType() === 'document' && request.url() === url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: markup });
      if (request.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    await copy.goto(url);
    expect(await axeViolations(copy), `axe on ${what} (without JavaScript)`).toEqual([]);
    expect(csp, `the copy of ${what} keeps its styles (CSP hashes still match)`).toEqual([]);
  } finally {
    await context.close();
  }
}
