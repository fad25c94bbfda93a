/**
 * The visit-day field says why fewer days are offered when the booking window reaches a year whose
 * holidays are not known yet, in every way it is rendered, and gives no fixed example date.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { formData } from '../../src/generated/form-data.ts';
import { addDays } from '../../src/lib/office-days.ts';
import { preregistrationForm } from '../../src/views/preregistration.ts';

const lastYear = Math.max(...formData.holidayYears);
const hint = (markup: string) => parse(markup).querySelector('#visitDate-hint')!.text;

describe('visit-day hint', () => {
  const late = `${lastYear}-12-20`; // the window runs into the first year the data does not cover
  const early = `${lastYear}-06-01`;

  it('says why fewer days are offered, in both languages, when the window is cut short', () => {
    const days = [{ date: `${lastYear}-12-21`, remaining: 3 }];
    expect(hint(preregistrationForm({ lang: 'id', today: late, availability: days }).value)).toContain(
      `Hari mulai 1 Januari ${lastYear + 1} belum bisa dipilih karena daftar hari libur ${lastYear + 1} belum pasti.`,
    );
    expect(hint(preregistrationForm({ lang: 'en', today: late, availability: days }).value)).toContain(
      `Days from 1 January ${lastYear + 1} cannot be chosen yet because the ${lastYear + 1} public holidays are not yet confirmed.`,
    );
    // The date field (no JavaScript, or the list of days could not be loaded) says it too.
    expect(hint(preregistrationForm({ lang: 'id', today: late }).value)).toContain('belum bisa dipilih');
  });

  it('says nothing about it while the whole window is covered', () => {
    expect(hint(preregistrationForm({ lang: 'id', today: early }).value)).not.toContain('belum pasti');
    expect(hint(preregistrationForm({ lang: 'en', today: early, availability: [] }).value)).not.toContain('not yet confirmed');
  });

  it('on the static page, says it from the day the build warns about the missing year', () => {
    const sentence = `Hari mulai 1 Januari ${lastYear + 1} belum bisa dipilih`;
    expect(hint(preregistrationForm({ lang: 'id', staticPage: true, today: `${lastYear}-09-30` }).value)).not.toContain(sentence);
    expect(hint(preregistrationForm({ lang: 'id', staticPage: true, today: `${lastYear}-10-01` }).value)).toContain(sentence);
    // A page rendered for a visitor says it only when their window is cut short.
    expect(hint(preregistrationForm({ lang: 'id', today: `${lastYear}-10-01` }).value)).not.toContain(sentence);
  });

  it('gives an example date from the window, and none on the static page', () => {
    const example = hint(preregistrationForm({ lang: 'id', today: early }).value);
    const match = /misalnya (\d{4}-\d{2}-\d{2})\./.exec(example);
    expect(match?.[1] && match[1] > early && match[1] <= addDays(early, 30)).toBe(true);
    const shown = hint(preregistrationForm({ lang: 'en', staticPage: true }).value);
    expect(shown).toContain('Write year-month-day.');
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
