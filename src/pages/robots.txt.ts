import type { APIContext } from 'astro';

export function GET(context: APIContext) {
  const sitemap = new URL('/sitemap-index.xml', context.site ?? 'http://localhost:8888').href;
  // The API and the pre-registration confirmation pages hold nothing for search engines.
  return new Response(`User-agent: *\nDisallow: /api/\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
