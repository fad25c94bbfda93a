/**
 * Cross-site posts are refused (403) before anything is read: a page elsewhere must not be able
 * to submit a pre-registration or guess a birth date in a visitor's browser. Browsers say where a
 * request comes from in Sec-Fetch-Site and Origin. A request without either (curl, an API client)
 * is not a cross-site browser request and passes; the abuse limits still apply to it.
 */
import { t, type Lang } from '../i18n/index.ts';
import { json, methodNotAllowed, parseBody, requestLang, wantsHtml, type ParsedBody } from './http.ts';

function env(name: string): string | undefined {
  const netlify = (globalThis as { Netlify?: { env: { get(n: string): string | undefined } } }).Netlify;
  return netlify?.env.get(name) ?? process.env[name];
}

/** The site's own origins: the request's, and the addresses Netlify gives the site and this deploy. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  for (const name of ['URL', 'DEPLOY_PRIME_URL', 'DEPLOY_URL', 'SITE_URL']) {
    const value = env(name);
    if (!value) continue;
    try {
      origins.add(new URL(value).origin);
    } catch {
      // Not a URL: ignore it rather than fail every post.
    }
  }
  return origins;
}

/**
 * Why a post is refused as cross-site, or undefined when it may go on.
 *
 * Sec-Fetch-Site is the browser's own word and decides first. Origin is checked where it names a
 * site. It can also be "null": the site sends Referrer-Policy: no-referrer, and under that policy
 * browsers send "Origin: null" even for a form posted from our own page. So "null" passes beside
 * Sec-Fetch-Site: same-origin, and where a browser too old to send Sec-Fetch-Site says nothing
 * more; a page elsewhere in a current browser still gets "cross-site" and is refused.
 */
export function crossSiteProblem(request: Request): 'sec-fetch-site' | 'origin' | undefined {
  const site = request.headers.get('sec-fetch-site')?.toLowerCase();
  // same-site is refused too: another subdomain (a deploy preview, a user site) is not this site.
  if (site === 'cross-site' || site === 'same-site') return 'sec-fetch-site';
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== 'null' && !ownOrigins(request).has(origin)) return 'origin';
  return undefined;
}

/** A 403 for a cross-site post, or undefined. */
export function refuseCrossSite(request: Request, lang: Lang): Response | undefined {
  if (!crossSiteProblem(request)) return undefined;
  return json(403, { error: 'cross-site', message: t(lang, 'limits.crossSite') });
}

/** A POST the handler may work on: its body, the reader's language, and whether a page is wanted back. */
export type AcceptedPost = { ok: true; body: Extract<ParsedBody, { ok: true }>; lang: Lang; asPage: boolean } | { ok: false; response: Response };

/**
 * The early refusals every form endpoint makes, in order: 405 for another method, 403 for a
 * cross-site post (before the body is read), then 400/413/415 for the body.
 */
export async function acceptPost(request: Request, limit?: number): Promise<AcceptedPost> {
  if (request.method !== 'POST') return { ok: false, response: methodNotAllowed(['POST']) };
  const crossSite = refuseCrossSite(request, requestLang(request));
  if (crossSite) return { ok: false, response: crossSite };
  const body = await parseBody(request, limit);
  if (!body.ok) return body;
  return { ok: true, body, lang: requestLang(request, body.data), asPage: wantsHtml(request, body.kind) };
}
