/**
 * Security and caching headers: netlify.toml declares them, and the local Netlify server applies
 * them to real responses, together with each page's CSP meta tag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { projectRoot } from '../support/project-copy.ts';
import { assertBuilt } from '../support/built-site.ts';
import { serveSite, type LocalSite } from '../../src/cli/serve.ts';
import { SECURITY_HEADERS } from '../../src/server/http.ts';

interface HeaderRule {
  for: string;
  values: Record<string, string>;
}
const config = parse(readFileSync(join(projectRoot, 'netlify.toml'), 'utf8')) as unknown as { headers: HeaderRule[]; build: Record<string, string>; functions: Record<string, string> };
const all = config.headers.find((h) => h.for === '/*')!.values;

describe('netlify.toml', () => {
  it('builds with npm run build into dist, functions from netlify/functions', () => {
    expect(config.build.command).toBe('npm run build');
    expect(config.build.publish).toBe('dist');
    expect(config.functions.directory).toBe('netlify/functions');
  });

  it('sets a CSP header that forbids framing, foreign form targets and base changes, without inline allowances', () => {
    const csp = all['Content-Security-Policy']!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    // Script and style rules stay in each page's meta tag: a header rule would have to allow inline code.
    expect(csp).not.toMatch(/script-src|style-src|default-src/);
  });

  it('sets HSTS, nosniff, a referrer policy, a permissions policy and no framing', () => {
    expect(all['Strict-Transport-Security']).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(all['Strict-Transport-Security']!)![1])).toBeGreaterThanOrEqual(31536000);
    expect(all['X-Content-Type-Options']).toBe('nosniff');
    expect(all['Referrer-Policy']).toBe('no-referrer');
    expect(all['Permissions-Policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(all['X-Frame-Options']).toBe('DENY');
  });

  it('gives function answers the same protections, and never lets them be cached', () => {
    // netlify.toml header rules apply to static files only; functions set these themselves.
    for (const [name, value] of Object.entries(all)) expect(SECURITY_HEADERS[name], name).toBe(value);
    expect(SECURITY_HEADERS['Cache-Control']).toBe('no-store');
  });

  it('caches hashed assets for a year and revalidates pages', () => {
    expect(config.headers.find((h) => h.for === '/_astro/*')?.values['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(config.headers.find((h) => h.for === '/*.html')?.values['Cache-Control']).toMatch(/max-age=0/);
  });
});

describe('the local Netlify server', () => {
  let site: LocalSite;
  beforeAll(async () => {
    assertBuilt();
    site = await serveSite({ root: projectRoot, port: 0, quiet: true });
  });
  afterAll(async () => site?.close());

  it('serves pages with the headers from netlify.toml', async () => {
    const response = await fetch(`${site.url}/panduan/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(all['Content-Security-Policy']);
    expect(response.headers.get('strict-transport-security')).toBe(all['Strict-Transport-Security']);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('permissions-policy')).toBe(all['Permissions-Policy']);
    const html = await response.text();
    expect(html).toContain('<meta http-equiv="content-security-policy"');
  });

  it('answers an unknown path with the 404 page and status 404', async () => {
    const response = await fetch(`${site.url}/tidak-ada/`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('Halaman tidak ditemukan');
    expect(html).toContain('Page not found');
  });
});
