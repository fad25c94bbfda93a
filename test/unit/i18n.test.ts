import { describe, expect, it } from 'vitest';
import { id } from '../../src/i18n/id.ts';
import { en } from '../../src/i18n/en.ts';
import { localizePath, otherLang, splitLocalePath, t } from '../../src/i18n/index.ts';

describe('UI strings', () => {
  it('has every Indonesian key in English and no extra ones', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  // Names and words that are the same in both languages.
  const names = new Set(['site.name', 'scheme.ssw', 'scheme.ocs', 'hotline.whatsapp', 'hotline.sms', 'countries.colStatus', 'nav.menu']);

  it('has no empty or untranslated strings', () => {
    for (const [key, value] of Object.entries(en)) {
      expect(value.trim(), key).not.toBe('');
      if (!names.has(key)) expect(value, key).not.toBe(id[key as keyof typeof id]);
    }
  });

  it('looks strings up by key', () => {
    expect(t('id', 'nav.guides')).toBe('Panduan');
    expect(t('en', 'nav.guides')).toBe('Guides');
  });
});

describe('locale paths', () => {
  it('keeps Indonesian at the root and English under /en', () => {
    expect(localizePath('/panduan/', 'id')).toBe('/panduan/');
    expect(localizePath('/panduan/', 'en')).toBe('/en/panduan/');
    expect(localizePath('negara/jepang/', 'en')).toBe('/en/negara/jepang/');
  });

  it('splits a pathname back into language and path', () => {
    expect(splitLocalePath('/en/panduan/paspor-pmi/')).toEqual({ lang: 'en', path: '/panduan/paspor-pmi/' });
    expect(splitLocalePath('/en')).toEqual({ lang: 'en', path: '/' });
    expect(splitLocalePath('/english/')).toEqual({ lang: 'id', path: '/english/' });
    expect(splitLocalePath('/')).toEqual({ lang: 'id', path: '/' });
  });

  it('round-trips every path through both languages', () => {
    for (const path of ['/', '/panduan/', '/negara/korea-selatan/', '/pengumuman/rss.xml']) {
      for (const lang of ['id', 'en'] as const) {
        expect(splitLocalePath(localizePath(path, lang))).toEqual({ lang, path });
      }
    }
    expect(otherLang('id')).toBe('en');
    expect(otherLang('en')).toBe('id');
  });
});

describe('form error messages', () => {
  it('has every message in both languages', async () => {
    const { FORM_ERROR_CODES, FORM_ERROR_CODES_EN } = await import('../../src/i18n/form-errors.ts');
    expect([...FORM_ERROR_CODES_EN].sort()).toEqual([...FORM_ERROR_CODES].sort());
  });
});
