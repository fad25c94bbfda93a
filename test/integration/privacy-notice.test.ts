/**
 * The privacy notice and the reporting page promise exactly what the tip service keeps: their lists,
 * as built in dist/ (npm test builds first), hold the values of src/lib/tip-facts.ts, in order, each
 * with a label, in both languages. Builds nothing itself.
 */
import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/built-site.ts';
import { CLOSED_TIP_RETENTION_YEARS, TIP_CLEAR_FIELDS, TIP_NEVER_KEPT, TIP_SEALED_PARTS } from '../../src/lib/tip-facts.ts';

const expected = { clear: TIP_CLEAR_FIELDS, sealed: TIP_SEALED_PARTS, never: TIP_NEVER_KEPT } as const;
const page = (path: string) => {
  const found = builtPages().find((p) => p.path === path);
  if (!found) throw new Error(`${path} is not in dist/`);
  return found;
};

describe.each(['/privasi/', '/en/privasi/', '/lapor/', '/en/lapor/'])('%s', (path) => {
  it.each(Object.keys(expected) as (keyof typeof expected)[])('lists exactly the %s values of tip-facts.ts, each with a label', (kind) => {
    const lists = page(path).dom.querySelectorAll(`main [data-tip-facts="${kind}"]`);
    expect(lists.length).toBe(1);
    const items = lists[0]!.querySelectorAll('li');
    expect(items.map((li) => li.getAttribute('data-tip-fact'))).toEqual([...expected[kind]]);
    for (const li of items) expect(li.text.trim().length, li.getAttribute('data-tip-fact')).toBeGreaterThan(5);
  });

  it('states the retention rule with the number of years from tip-facts.ts', () => {
    const rule = page(path).dom.querySelector('main [data-tip-retention-years]');
    expect(rule?.getAttribute('data-tip-retention-years')).toBe(String(CLOSED_TIP_RETENTION_YEARS));
    expect(rule?.text).toContain(` ${CLOSED_TIP_RETENTION_YEARS} `);
  });
});

describe('the privacy notice', () => {
  it.each([
    ['/privasi/', /Penghapusan otomatis itu belum berjalan/],
    ['/en/privasi/', /automatic deletion is not running yet/],
  ])('%s says that automatic deletion is not running yet', (path, words) => {
    expect(page(path).dom.querySelector('main')?.text).toMatch(words);
  });
});
