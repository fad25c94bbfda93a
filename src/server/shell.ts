/**
 * Pages the functions answer with (a form re-rendered with errors, "check your answers", the
 * confirmation) wear the site's own frame: the built page /pra-daftar/kerangka/ in the reader's
 * language, with its header, styles, CSP meta tag and script. The function fetches it once per
 * instance and fills in the title and content. If the frame cannot be fetched, a plain page with
 * the same content is served instead, never an error.
 */
import { escapeHtml } from '../lib/html.ts';
import { localizePath, t, type Lang } from '../i18n/index.ts';
import { CONTENT_SLOT, TITLE_SLOT } from '../views/shell-slots.ts';
import { NEUTRAL_URL } from '../lib/quick-exit.ts';

const CACHE_MS = 5 * 60_000;

const cache = new Map<string, { html: string; at: number }>();

function plainShell(lang: Lang, frame: Frame): string {
  // A reporting page keeps its quick exit even in the plain frame: a plain link, as without JavaScript.
  const exit = frame === '/lapor/kerangka/' ? `<p><a href="${NEUTRAL_URL}" rel="noreferrer">${t(lang, 'quickExit.label')}</a></p>` : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${TITLE_SLOT} · ${t(lang, 'site.name')}</title></head><body>${exit}<main id="main"><p><a href="${localizePath('/', lang)}">${t(lang, 'site.name')}</a></p><h1>${TITLE_SLOT}</h1>${CONTENT_SLOT}</main></body></html>`;
}

/**
 * The site's own address: Netlify's URL variable when set, so a forged Host header can never make
 * the function fetch its frame from somewhere else; the request's origin for local runs.
 */
function siteOrigin(requestUrl: string): string {
  const netlify = (globalThis as { Netlify?: { env: { get(n: string): string | undefined } } }).Netlify;
  return netlify?.env.get('URL') ?? process.env.URL ?? new URL(requestUrl).origin;
}

/** The frames: pre-registration's, and the reporting pages' (with the quick exit, kept out of search). */
export type Frame = '/pra-daftar/kerangka/' | '/lapor/kerangka/';

export async function pageShell(lang: Lang, requestUrl: string, frame: Frame = '/pra-daftar/kerangka/'): Promise<string> {
  const url = new URL(localizePath(frame, lang), siteOrigin(requestUrl)).href;
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.html;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    const text = await response.text();
    if (response.ok && text.includes(CONTENT_SLOT) && text.includes(TITLE_SLOT)) {
      cache.set(url, { html: text, at: Date.now() });
      return text;
    }
  } catch {
    // Fall through to the plain frame.
  }
  return plainShell(lang, frame);
}

/** Puts a title and content into the frame; with errors the tab title starts with "Kesalahan: ". */
export function fillShell(shell: string, lang: Lang, title: string, content: string, options: { error?: boolean } = {}): string {
  const safeTitle = escapeHtml(title);
  const prefix = options.error ? `${escapeHtml(t(lang, 'prereg.errorPrefix'))}: ` : '';
  return shell
    .replace(`<title>${TITLE_SLOT}`, `<title>${prefix}${safeTitle}`)
    .replaceAll(TITLE_SLOT, safeTitle)
    .replace(CONTENT_SLOT, () => content);
}
