/** Static-path helpers for pages under src/pages/[...lang]/: Indonesian at "/", English under "/en/". */
import { LOCALES, isLang, DEFAULT_LANG, type Lang } from '../i18n/index.ts';

/** The `lang` route param of a language: undefined for the default, so its pages live at the root. */
export function langParam(lang: Lang): string | undefined {
  return lang === DEFAULT_LANG ? undefined : lang;
}

/** getStaticPaths for a page with no other params. */
export function langPaths() {
  return LOCALES.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}

/** The language of a request's `lang` param. */
export function langFrom(param: string | undefined): Lang {
  if (param === undefined) return DEFAULT_LANG;
  if (!isLang(param)) throw new Error(`Unknown language in path: ${param}`);
  return param;
}
