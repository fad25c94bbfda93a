/**
 * The pre-registration schema on the text the officers' console will show (name and address), and
 * the visit-day rule for years whose holidays are not known yet.
 */
import { describe, expect, it } from 'vitest';
import { formData } from '../../src/generated/form-data.ts';
import { formErrorMessage } from '../../src/i18n/form-errors.ts';
import { parsePreregistration, PreregistrationFieldsSchema, type PreregistrationContext } from '../../src/schemas/forms/preregistration.ts';
import { applicant } from '../support/applicants.ts';

const { fullName, address } = PreregistrationFieldsSchema.shape;
const codeOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

const ADDRESS = 'Jl. Mawar No. 5, Desa Sukadana';
const NAME = 'Siti Aminah';

// Each class of character the console must never be handed, with an example of each.
const forbidden: [string, string[]][] = [
  ['markup brackets', ['<', '>', '<b>', '<script>']],
  ['NUL and other C0 controls', ['\u0000', '\u0001', '\u0007', '\u001B', '\u001F']],
  ['DEL and C1 controls', ['\u007F', '\u0080', '\u0085', '\u009B', '\u009F']],
  ['bidi embeddings and overrides', ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E']],
  ['bidi isolates', ['\u2066', '\u2067', '\u2068', '\u2069']],
  ['bidi marks', ['\u200E', '\u200F', '\u061C']],
];

describe('fullName', () => {
  it('accepts names as written on a KTP', () => {
    for (const name of [NAME, 'Muhammad Rizki, S.Pd.', "Nur'aini", 'Ni Luh Putu Ayu-Lestari', 'Siti  Aminah', 'Désirée Çelik']) {
      expect(fullName.safeParse(name).success, name).toBe(true);
    }
  });

  for (const [what, chars] of forbidden) {
    it(`refuses ${what} anywhere in the name`, () => {
      for (const c of chars) {
        for (const value of [`${c}${NAME}`, `Siti${c} Aminah`, `${NAME}${c}x`]) {
          expect(codeOf(fullName.safeParse(value)), JSON.stringify(value)).toBe('fullName.chars');
        }
      }
    });
  }

  it('refuses line breaks and tabs inside a name', () => {
    for (const value of ['Siti\nAminah', 'Siti\r\nAminah', 'Siti\tAminah']) expect(codeOf(fullName.safeParse(value)), JSON.stringify(value)).toBe('fullName.chars');
  });
});

describe('address', () => {
  it('accepts ordinary Indonesian addresses', () => {
    for (const value of [
      'Jl. Mawar No. 5/B, RT 01/RW 02, Desa Sukadana (dekat masjid)',
      "Jl. Teuku Umar No. 12, Kel. Kedaton, Kec. Kedaton, Bandar Lampung (belakang Toko Ma'ruf)",
      'Dusun 2 RT 01 RW 02, Desa Sukadana, Kecamatan Sukadana',
      'Jl. "Mawar" No. 5 & RT 01, Desa Sukadana',
      'Perum Griya Indah Blok C-7 #3; Desa Way Halim: Kec. Sukarame',
    ]) {
      const result = address.safeParse(value);
      expect(result.error?.issues, value).toBeUndefined();
      expect(result.data).toBe(value);
    }
  });

  it('accepts line breaks from a textarea and stores the address on one line', () => {
    expect(address.parse('Jl. Mawar No. 5\r\nRT 01/RW 02\r\nDesa Sukadana')).toBe('Jl. Mawar No. 5 RT 01/RW 02 Desa Sukadana');
    expect(address.parse('Jl. Mawar No. 5,\n\n  Desa Sukadana\n')).toBe('Jl. Mawar No. 5, Desa Sukadana');
    expect(address.parse('Jl. Mawar No. 5\rDesa\tSukadana')).toBe('Jl. Mawar No. 5 Desa Sukadana');
  });

  for (const [what, chars] of forbidden) {
    it(`refuses ${what} anywhere in the address`, () => {
      for (const c of chars) {
        for (const value of [`${c}${ADDRESS}`, `Jl. Mawar${c} No. 5, Desa Sukadana`, `${ADDRESS}${c}x`]) {
          expect(codeOf(address.safeParse(value)), JSON.stringify(value)).toBe('address.chars');
        }
      }
    });
  }

  it('still says first when an address is too short or too long', () => {
    expect(codeOf(address.safeParse('RT <b>&'))).toBe('address.tooShort');
    expect(codeOf(address.safeParse(`${'a'.repeat(300)}<`))).toBe('address.tooLong');
  });

  it('has a plain message for refused characters in both languages', () => {
    expect(formErrorMessage('id', { code: 'address.chars' }, [])).toBe(
      'Alamat tidak boleh berisi tanda < atau > atau karakter khusus. Tulis alamat dengan huruf, angka dan tanda baca biasa',
    );
    expect(formErrorMessage('en', { code: 'address.chars' }, [])).toMatch(/^Address must not include < or >/);
  });
});

describe('visit day in a year the holidays do not cover', () => {
  const ctx = (today: string): PreregistrationContext => ({
    today,
    closedDays: new Set(['2026-12-24', '2026-12-25']),
    coveredYears: new Set([2026]),
    destinations: formData.destinations,
    regencyCodes: new Set(formData.regencies.map((r) => r.code)),
  });

  it('is refused with the year and the last day that can be chosen', () => {
    const result = parsePreregistration(applicant({ visitDate: '2027-01-04' }), ctx('2026-12-20'));
    expect(result.ok).toBe(false);
    const error = !result.ok ? result.errors.visitDate : undefined;
    expect(error).toEqual({ code: 'visitDate.not-covered', params: { date: '2027-01-04', last: '2027-01-19', year: '2027', lastBookable: '2026-12-31' } });
    expect(formErrorMessage('id', error!, [])).toBe(
      'Hari kunjungan pada tahun 2027 belum bisa dipilih karena daftar hari libur 2027 belum pasti. Pilih hari sampai 31 Desember 2026',
    );
    expect(formErrorMessage('en', error!, [])).toBe(
      'Visit days in 2027 cannot be chosen yet because the 2027 public holidays are not yet confirmed. Choose a day up to 31 December 2026',
    );
  });

  it('says to try later when no day can be chosen at all', () => {
    const result = parsePreregistration(applicant({ visitDate: '2027-01-04' }), ctx('2026-12-31'));
    const error = !result.ok ? result.errors.visitDate : undefined;
    expect(error?.code).toBe('visitDate.not-covered');
    expect(error?.params?.lastBookable).toBeUndefined();
    expect(formErrorMessage('id', error!, [])).toMatch(/belum pasti\. Coba daftar lagi nanti/);
  });
});
