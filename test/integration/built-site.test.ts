/**
 * Checks on every built page that need no browser: no JavaScript on reading pages, the CSP meta,
 * language and alternates, the review date and sources, and acronyms explained at first use.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir, sitemapPaths } from '../support/built-site.ts';

const pages = builtPages();
const isSearch = (path: string) => /^\/(en\/)?cari\/$/.test(path);
/** Pages with a form and its script; the frame functions fill is not a page for readers at all. */
const isForm = (path: string) => /^\/(en\/)?(pra-daftar|lapor)\/(status\/|kerangka\/)?$/.test(path);
const isFrame = (path: string) => /^\/(en\/)?(pra-daftar|lapor)\/kerangka\/$/.test(path);
/** Reading pages: facts with a review date and sources. */
const reading = pages.filter((p) => !isSearch(p.path) && p.path !== '/404/' && !/(pra-daftar|lapor)\/(status|kerangka)\/$/.test(p.path));

describe('every built page', () => {
  it('covers both languages with the same paths', () => {
    const id = pages.filter((p) => !p.path.startsWith('/en/') && p.path !== '/404/').map((p) => p.path);
    const en = pages.filter((p) => p.path.startsWith('/en/')).map((p) => p.path.replace(/^\/en/, ''));
    expect(en.sort()).toEqual(id.sort());
    expect(id.length).toBeGreaterThanOrEqual(25);
  });

  it('loads no JavaScript on reading pages (structured data is not script)', () => {
    for (const page of reading.filter((p) => !isForm(p.path))) {
      const scripts = page.dom.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json');
      expect(scripts.length, page.path).toBe(0);
      expect(page.html, page.path).not.toMatch(/\son[a-z]+=["']/i);
    }
  });

  it('has a CSP meta tag without unsafe-inline or unsafe-eval', () => {
    for (const page of pages) {
      const csp = page.dom.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      expect(csp, page.path).toMatch(/default-src 'self'/);
      expect(csp, page.path).toMatch(/script-src /);
      expect(csp, page.path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    }
  });

  it('requests nothing from another origin', () => {
    for (const page of pages) {
      const refs = page.dom.querySelectorAll('link[href], script[src], img[src], iframe[src], source[src]').map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '');
      const rel = page.dom.querySelectorAll('link[href]').filter((l) => !['canonical', 'alternate'].includes(l.getAttribute('rel') ?? ''));
      const fetched = [...rel.map((l) => l.getAttribute('href') ?? ''), ...refs.filter((r) => !r.startsWith('http://localhost') && !r.startsWith('https://'))];
      for (const ref of fetched) expect(ref.startsWith('/') || ref.startsWith('data:'), `${page.path}: ${ref}`).toBe(true);
      expect(page.html, page.path).not.toMatch(/<(img|script|iframe)[^>]+src="https?:/);
    }
  });

  it('declares its language, title, description, canonical URL and language alternates', () => {
    for (const page of pages) {
      const lang = page.dom.querySelector('html')?.getAttribute('lang');
      expect(lang, page.path).toBe(page.path.startsWith('/en/') ? 'en' : 'id');
      expect(page.dom.querySelector('title')?.text.length, page.path).toBeGreaterThan(5);
      expect(page.dom.querySelector('meta[name="description"]')?.getAttribute('content')?.length, page.path).toBeGreaterThan(20);
      expect(page.dom.querySelectorAll('h1').length, page.path).toBe(1);
      if (page.path === '/404/' || isFrame(page.path)) continue;
      expect(page.dom.querySelector('link[rel="canonical"]')?.getAttribute('href'), page.path).toMatch(new RegExp(`${page.path}$`));
      const alternates = page.dom.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute('hreflang'));
      expect(alternates, page.path).toEqual(['id', 'en', 'x-default']);
      expect(page.dom.querySelector('meta[property="og:title"]'), page.path).not.toBeNull();
    }
  });

  it('links the language switch to the same page in the other language', () => {
    for (const page of reading) {
      const other = page.path.startsWith('/en/') ? page.path.replace(/^\/en/, '') : `/en${page.path}`;
      const switcher = page.dom.querySelector('header a[hreflang]');
      expect(switcher?.getAttribute('href'), page.path).toBe(other);
    }
  });

  it('shows the last-reviewed date and lists its sources', () => {
    for (const page of reading) {
      const time = page.dom.querySelector('main p.muted time[datetime]');
      expect(time?.getAttribute('datetime'), page.path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(page.dom.querySelector('main')?.text, page.path).toMatch(page.path.startsWith('/en/') ? /Last reviewed/ : /Terakhir diperiksa/);
      expect(page.dom.querySelectorAll('#src-h + p + ol li').length, `${page.path} sources`).toBeGreaterThan(0);
    }
  });

  it('has a skip link to the main landmark, a header, a navigation and a footer', () => {
    for (const page of pages) {
      expect(page.dom.querySelector('a.skip')?.getAttribute('href'), page.path).toBe('#main');
      expect(page.dom.querySelector('main#main'), page.path).not.toBeNull();
      expect(page.dom.querySelector('header nav[aria-label]'), page.path).not.toBeNull();
      expect(page.dom.querySelector('footer'), page.path).not.toBeNull();
    }
  });
});

describe('plain language', () => {
  // DESIGN.md: explain every acronym at first use on each page.
  const acronyms = ['CPMI', 'PMI', 'P3MI', 'LTSA', 'OPP', 'BP3MI', 'KP2MI', 'BP2MI', 'TPPO'];

  it('explains each acronym where a page first uses it: "Expansion (ACR)", "ACR (expansion)" or "(…, ACR)"', () => {
    const problems: string[] = [];
    for (const page of reading) {
      const text = (page.dom.querySelector('main')?.structuredText ?? '').replace(/\s+/g, ' ');
      for (const acronym of acronyms) {
        const match = new RegExp(`(?<![A-Za-z0-9])${acronym}(?![A-Za-z0-9])`).exec(text);
        if (!match) continue;
        const before = text.slice(Math.max(0, match.index - 1), match.index);
        const after = text.slice(match.index + acronym.length, match.index + acronym.length + 2);
        if (before === '(' || after === ' (' || after.startsWith(')')) continue;
        problems.push(`${page.path}: "${text.slice(Math.max(0, match.index - 40), match.index + acronym.length + 30)}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes no phone number into a page except through the hotline data', () => {
    // Numbers must come from content/data/hotlines.yaml (rendered in .hot lists as tel:/wa.me/sms: links),
    // never typed into content, where a typo would go unchecked.
    const phoneLike = /(?:\+62|(?<![\d.,/])0)\d[\d -]{5,}\d/g;
    for (const page of reading) {
      const main = page.dom.querySelector('main')!.clone() as typeof page.dom;
      main.querySelectorAll('.hot').forEach((el) => el.remove());
      expect(main.text.match(phoneLike) ?? [], page.path).toEqual([]);
      for (const a of main.querySelectorAll('a[href^="tel:"], a[href^="https://wa.me/"], a[href^="sms:"]')) {
        expect.fail(`${page.path}: ${a.getAttribute('href')} outside the hotline list`);
      }
    }
  });
});

describe('feeds and crawler files', () => {
  it('lists every reading page in the sitemap, in both languages', () => {
    const listed = new Set(sitemapPaths());
    for (const page of reading) expect(listed.has(page.path), page.path).toBe(true);
    expect(listed.has('/404/')).toBe(false);
    expect(listed.has('/pra-daftar/kerangka/')).toBe(false);
    expect(listed.has('/lapor/kerangka/')).toBe(false);
  });

  it('publishes an RSS feed of the notices per language, newest first', () => {
    for (const prefix of ['', 'en/']) {
      const xml = readFileSync(join(distDir, `${prefix}pengumuman/rss.xml`), 'utf8');
      const dates = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]!));
      expect(dates.length).toBeGreaterThan(3);
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      expect(xml).toContain(`<language>${prefix ? 'en' : 'id'}</language>`);
    }
  });

  it('points robots.txt at the sitemap and keeps crawlers out of the API', () => {
    const robots = readFileSync(join(distDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
    expect(robots).toContain('Disallow: /api/');
  });
});
