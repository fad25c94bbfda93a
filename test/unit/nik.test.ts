import { describe, expect, it } from 'vitest';
import { nikMismatches, normalizeNik, parseNik, type NikInfo } from '../../src/lib/nik.ts';

// Structurally valid made-up NIKs: region 18.04.01 (Lampung Timur), born 12 March 1995, serial 0001.
const MAN = '1804011203950001';
const WOMAN = '1804015203950002';

/** A NIK with the given DDMMYY and serial in region 180401. */
const nik = (ddmmyy: string, serial = '0001') => `180401${ddmmyy}${serial}`;

describe('normalizeNik', () => {
  it('removes spaces, dots and dashes between digit groups', () => {
    expect(normalizeNik('18.04.01 120395-0001')).toBe(MAN);
    expect(normalizeNik(' 1804 0112 0395 0001 ')).toBe(MAN);
    expect(normalizeNik('1804-01-120395-0001')).toBe(MAN);
  });

  it('keeps every other character so that parsing can report it', () => {
    expect(normalizeNik('18O4/01')).toBe('18O4/01');
  });
});

describe('parseNik', () => {
  it('reads the region codes, sex, birth date and serial of a man', () => {
    expect(parseNik(MAN)).toEqual({
      ok: true,
      info: { province: '18', regency: '1804', district: '180401', sex: 'L', day: 12, month: 3, yy: 95, serial: '0001' },
    });
  });

  it('reads a woman from a day with 40 added', () => {
    const result = parseNik(WOMAN);
    expect(result.ok && result.info).toMatchObject({ sex: 'P', day: 12, month: 3, yy: 95, serial: '0002' });
  });

  it('accepts a NIK typed with separators', () => {
    expect(parseNik('18.04.01.120395.0001').ok).toBe(true);
    expect(parseNik('1804 0112 0395 0001').ok).toBe(true);
  });

  it('accepts any province code and reports it without interpretation', () => {
    const result = parseNik('3174051203950123');
    expect(result.ok && result.info).toMatchObject({ province: '31', regency: '3174', district: '317405' });
    // Pre-2012 Pesisir Barat residents keep the Lampung Barat code.
    expect(parseNik('1801011203950001').ok).toBe(true);
  });

  it('rejects a wrong length', () => {
    expect(parseNik('')).toEqual({ ok: false, problem: 'length' });
    expect(parseNik(MAN.slice(0, 15))).toEqual({ ok: false, problem: 'length' });
    expect(parseNik(`${MAN}1`)).toEqual({ ok: false, problem: 'length' });
  });

  it('reports non-digits before length', () => {
    expect(parseNik('18O4011203950001')).toEqual({ ok: false, problem: 'digits' });
    expect(parseNik('18O401')).toEqual({ ok: false, problem: 'digits' });
    expect(parseNik('1804/011203950001')).toEqual({ ok: false, problem: 'digits' });
    // Full-width digits look right on screen but are not what Dukcapil issues.
    expect(parseNik('１804011203950001')).toEqual({ ok: false, problem: 'digits' });
  });

  it('accepts the day ranges 01–31 and 41–71 and nothing between or beyond', () => {
    for (const dd of ['01', '31', '41', '71']) expect(parseNik(nik(`${dd}0195`)).ok, dd).toBe(true);
    for (const dd of ['00', '32', '39', '40', '72', '80', '99']) {
      expect(parseNik(nik(`${dd}0195`)), dd).toEqual({ ok: false, problem: 'date' });
    }
  });

  it('accepts months 01–12 only', () => {
    expect(parseNik(nik('150195')).ok).toBe(true);
    expect(parseNik(nik('151295')).ok).toBe(true);
    expect(parseNik(nik('150095'))).toEqual({ ok: false, problem: 'date' });
    expect(parseNik(nik('151395'))).toEqual({ ok: false, problem: 'date' });
  });

  it('rejects days that do not exist in the month, for men and women alike', () => {
    expect(parseNik(nik('300490')).ok).toBe(true);
    expect(parseNik(nik('310490'))).toEqual({ ok: false, problem: 'date' });
    expect(parseNik(nik('710490'))).toEqual({ ok: false, problem: 'date' });
    expect(parseNik(nik('310590')).ok).toBe(true);
    expect(parseNik(nik('311190'))).toEqual({ ok: false, problem: 'date' });
    expect(parseNik(nik('300290'))).toEqual({ ok: false, problem: 'date' });
    expect(parseNik(nik('700290'))).toEqual({ ok: false, problem: 'date' });
  });

  it('accepts 29 February only in a two-digit year divisible by 4', () => {
    expect(parseNik(nik('290296')).ok).toBe(true);
    expect(parseNik(nik('690296')).ok).toBe(true);
    expect(parseNik(nik('290200')).ok).toBe(true); // 2000 was a leap year
    expect(parseNik(nik('290297'))).toEqual({ ok: false, problem: 'date' });
    expect(parseNik(nik('690201'))).toEqual({ ok: false, problem: 'date' });
    expect(parseNik(nik('280297')).ok).toBe(true);
  });

  it('rejects serial 0000 and accepts 0001 and 9999', () => {
    expect(parseNik(nik('120395', '0000'))).toEqual({ ok: false, problem: 'serial' });
    expect(parseNik(nik('120395', '0001')).ok).toBe(true);
    expect(parseNik(nik('120395', '9999')).ok).toBe(true);
  });
});

describe('nikMismatches', () => {
  const info = (value: string): NikInfo => {
    const result = parseNik(value);
    if (!result.ok) throw new Error(`test NIK ${value} is not valid`);
    return result.info;
  };

  it('finds nothing when sex and birth date agree, whatever the century', () => {
    expect(nikMismatches(info(MAN), { sex: 'L', birthDate: '1995-03-12' })).toEqual([]);
    expect(nikMismatches(info(WOMAN), { sex: 'P', birthDate: '1995-03-12' })).toEqual([]);
    expect(nikMismatches(info(nik('010105')), { sex: 'L', birthDate: '2005-01-01' })).toEqual([]);
  });

  it('reports a different sex', () => {
    expect(nikMismatches(info(MAN), { sex: 'P', birthDate: '1995-03-12' })).toEqual(['sex']);
    expect(nikMismatches(info(WOMAN), { sex: 'L', birthDate: '1995-03-12' })).toEqual(['sex']);
  });

  it('reports a different day, month or two-digit year', () => {
    expect(nikMismatches(info(MAN), { sex: 'L', birthDate: '1995-03-13' })).toEqual(['birthDate']);
    expect(nikMismatches(info(MAN), { sex: 'L', birthDate: '1995-04-12' })).toEqual(['birthDate']);
    expect(nikMismatches(info(MAN), { sex: 'L', birthDate: '1996-03-12' })).toEqual(['birthDate']);
    // Day and month swapped, a common slip.
    expect(nikMismatches(info(nik('030595')), { sex: 'L', birthDate: '1995-03-05' })).toEqual(['birthDate']);
  });

  it('compares the woman’s real day, not the day field with 40 added', () => {
    expect(nikMismatches(info(WOMAN), { sex: 'P', birthDate: '1995-03-52' })).toEqual(['birthDate']);
  });

  it('reports both at once', () => {
    expect(nikMismatches(info(WOMAN), { sex: 'L', birthDate: '1994-03-12' })).toEqual(['sex', 'birthDate']);
  });

  it('treats a declared birth date it cannot read as not agreeing', () => {
    expect(nikMismatches(info(MAN), { sex: 'L', birthDate: '12-03-1995' })).toEqual(['birthDate']);
    expect(nikMismatches(info(MAN), { sex: 'L', birthDate: '' })).toEqual(['birthDate']);
  });
});
