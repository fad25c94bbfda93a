// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import pageCsp from './src/integrations/page-csp.ts';

// Netlify sets URL during its builds; locally the site is served at http://localhost:8888.
const site = process.env.URL ?? process.env.SITE_URL ?? 'http://localhost:8888';
const isDev = process.argv.includes('dev');

/** @returns {Promise<any[]>} */
async function devPlugins() {
  if (!isDev) return [];
  // astro dev runs the functions and a local Blobs store through Netlify's Vite plugin.
  const { default: netlify } = await import('@netlify/vite-plugin');
  return [netlify({ edgeFunctions: { enabled: false }, database: { enabled: false }, images: { enabled: false }, aiGateway: { enabled: false } })];
}

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Inside the project (not node_modules) so a copy of the project builds with its own cache.
  cacheDir: './.astro/cache',
  // Several pages render at once so file writes overlap with rendering.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  // Keep whitespace between inline elements as written: content pages mix links and text.
  compressHTML: true,
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'id', locales: { id: 'id', en: 'en' } },
      // Not for search engines: the 404 page and the frames functions fill.
      filter: (page) => !/\/(404|pra-daftar\/kerangka|lapor\/kerangka)\/?$/.test(page),
    }),
    pageCsp(),
  ],
  security: {
    // Astro hashes every inline style and script it emits into a per-page CSP meta tag.
    // frame-ancestors, form-action and base-uri cannot live in a meta tag: netlify.toml sets them.
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "font-src 'none'", "object-src 'none'", "manifest-src 'self'"],
    },
  },
  vite: { plugins: await devPlugins() },
});
