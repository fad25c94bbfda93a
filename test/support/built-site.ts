/** The built site in dist/: its pages, parsed, for tests that check every page. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { projectRoot } from './project-copy.ts';

export const distDir = join(projectRoot, 'dist');

export interface BuiltPage {
  /** URL path: "/en/panduan/paspor-pmi/". */
  path: string;
  file: string;
  html: string;
  dom: HTMLElement;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export function assertBuilt(): void {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error('dist/ is not built: run `npm run build` first (npm test does)');
}

let cache: BuiltPage[] | undefined;

/** Every HTML page of the site except Pagefind's own files. */
export function builtPages(): BuiltPage[] {
  assertBuilt();
  cache ??= walk(distDir)
    .filter((f) => f.endsWith('.html') && !f.includes(`${sep}pagefind${sep}`))
    .map((file) => {
      const rel = relative(distDir, file).split(sep).join('/');
      const path = rel === '404.html' ? '/404/' : `/${rel.replace(/index\.html$/, '')}`;
      const html = readFileSync(file, 'utf8');
      return { path, file, html, dom: parse(html) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return cache;
}

/** URL paths listed in the sitemap, in site order. */
export function sitemapPaths(): string[] {
  assertBuilt();
  const xml = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}
