import { id, type UiKey } from './id.ts';
import { en } from './en.ts';
import type { Lang } from './locales.ts';

export { LOCALES, DEFAULT_LANG, isLang, otherLang, localizePath, splitLocalePath, htmlLang, type Lang } from './locales.ts';

const strings: Record<Lang, Record<UiKey, string>> = { id, en };

export type { UiKey };

/** The UI string for a key in a language. */
export function t(lang: Lang, key: UiKey): string {
  return strings[lang][key];
}
