/**
 * Languages and their URLs, without any UI strings: what a browser script needs to build a link
 * must not pull in the whole site's dictionaries (src/i18n/index.ts re-exports all of this).
 */
export const LOCALES = ['id', 'en'] as const;
export type Lang = (typeof LOCALES)[number];
export const DEFAULT_LANG: Lang = 'id';
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'id' ? 'en' : 'id';
}

/**
 * The URL of a site path in a language. Paths are written without the language prefix
 * and with a trailing slash ("/panduan/"); English lives under "/en".
 */
export function localizePath(path: string, lang: Lang): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return lang === DEFAULT_LANG ? clean : `/${lang}${clean}`;
}

/** Splits a URL pathname into its language and the path without the prefix. */
export function splitLocalePath(pathname: string): { lang: Lang; path: string } {
  const match = /^\/(en)(\/.*)?$/.exec(pathname);
  if (match) return { lang: 'en', path: match[2] || '/' };
  return { lang: DEFAULT_LANG, path: pathname || '/' };
}

/** The BCP 47 tag used for `lang` attributes and hreflang. */
export function htmlLang(lang: Lang): string {
  return lang === 'id' ? 'id' : 'en';
}
