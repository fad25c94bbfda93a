/**
 * Narrows each page's CSP meta tag to what that page really inlines.
 *
 * Astro's `security.csp` writes one site-wide list of hashes into every page, including hashes of
 * island scripts this site never uses. After the build, this recomputes script-src and style-src
 * per page from the <script> and <style> elements actually in it: a page with no script gets
 * `script-src 'none'`. The policy only ever gets stricter, and every page sends fewer bytes.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Keeps the keyword sources ('self', 'wasm-unsafe-eval', ...) of a directive, dropping its hashes. */
function keywords(values: string[] = []): string[] {
  return values.filter((v) => !v.startsWith("'sha"));
}

export function narrowCsp(html: string): string {
  const meta = META.exec(html);
  if (!meta) return html;
  const directives = new Map<string, string[]>();
  for (const part of meta[1]!.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }

  const inlineScripts: string[] = [];
  let externalScripts = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    if (/\btype="application\/ld\+json"/.test(attrs)) continue; // data, never executed
    if (/\bsrc=/.test(attrs)) externalScripts++;
    else inlineScripts.push(m[2] ?? '');
  }
  const inlineStyles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
  const linkedStyles = /<link\b[^>]*rel="stylesheet"/.test(html);

  const scripts = inlineScripts.length + externalScripts > 0 ? [...keywords(directives.get('script-src')), ...inlineScripts.map(sha256)] : ["'none'"];
  const styleKeywords = keywords(directives.get('style-src')).filter((v) => v !== "'self'" || linkedStyles);
  const styles = [...styleKeywords, ...inlineStyles.map(sha256)];
  directives.set('script-src', scripts);
  directives.set('style-src', styles.length > 0 ? styles : ["'none'"]);

  const content = [...directives].map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
  return html.replace(META, `<meta http-equiv="content-security-policy" content="${content}">`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export default function pageCsp(): AstroIntegration {
  return {
    name: 'ltsa:page-csp',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        await Promise.all(
          files.map(async (file) => {
            const html = await readFile(file, 'utf8');
            const narrowed = narrowCsp(html);
            if (narrowed !== html) await writeFile(file, narrowed);
          }),
        );
      },
    },
  };
}
