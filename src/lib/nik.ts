/**
 * The Indonesian NIK (Nomor Induk Kependudukan): 16 digits, `PP KK CC DDMMYY NNNN` (FACTS.md §5).
 *
 * The region digits record where the person was first registered, not where they live now, and any
 * province may appear (people move into Lampung; pre-2012 Pesisir Barat residents carry 1801). So this
 * module reports the codes as they are and never maps them to a current kabupaten.
 */

/** Removes what people type between digit groups: spaces, dots and dashes. */
export function normalizeNik(input: string): string {
  return input.replace(/[\s.\-]/g, '');
}

/** What a well-formed NIK says. Codes are cumulative, as in the Kemendagri region list. */
export interface NikInfo {
  /** Province of first registration, e.g. "18" (Lampung). */
  province: string;
  /** Kabupaten/kota of first registration, e.g. "1804" (Lampung Timur), matching content/data/regencies.yaml. */
  regency: string;
  /** Kecamatan of first registration, e.g. "180401". */
  district: string;
  /** 'P' when the day field has 40 added, as it does for women. */
  sex: 'L' | 'P';
  /** Day of birth, 1–31, with the 40 for women already removed. */
  day: number;
  /** Month of birth, 1–12. */
  month: number;
  /** The two-digit year of birth, 0–99; the century is not recorded. */
  yy: number;
  /** The four-digit serial, e.g. "0001". */
  serial: string;
}

/** Why a NIK is not well-formed; each maps to its own plain instruction in the form. */
export type NikProblem = 'length' | 'digits' | 'date' | 'serial';

/** Days in each month, with February at 29 because leap years are decided separately. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Checks the structure of a NIK: 16 digits, a birth date that exists (days 41–71 for women) and a
 * serial that is not 0000. Only the structure: a well-formed NIK may still not exist.
 */
export function parseNik(input: string): { ok: true; info: NikInfo } | { ok: false; problem: NikProblem } {
  const nik = normalizeNik(input);
  // Letters are the likelier mistake to explain ("only digits"), even when the length is also wrong.
  if (!/^[0-9]*$/.test(nik)) return { ok: false, problem: 'digits' };
  if (nik.length !== 16) return { ok: false, problem: 'length' };

  const dd = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = nik.slice(12, 16);

  let sex: 'L' | 'P';
  let day: number;
  if (dd >= 1 && dd <= 31) [sex, day] = ['L', dd];
  else if (dd >= 41 && dd <= 71) [sex, day] = ['P', dd - 40];
  else return { ok: false, problem: 'date' };

  if (month < 1 || month > 12) return { ok: false, problem: 'date' };
  const monthLength = DAYS_IN_MONTH[month - 1] ?? 0;
  if (day > monthLength) return { ok: false, problem: 'date' };
  // Without the century, yy % 4 === 0 is the only test: 00 is fine since 2000 was a leap year, and a
  // person born in 1900 is not applying.
  if (month === 2 && day === 29 && yy % 4 !== 0) return { ok: false, problem: 'date' };

  if (serial === '0000') return { ok: false, problem: 'serial' };

  return {
    ok: true,
    info: {
      province: nik.slice(0, 2),
      regency: nik.slice(0, 4),
      district: nik.slice(0, 6),
      sex,
      day,
      month,
      yy,
      serial,
    },
  };
}

/**
 * Where the NIK disagrees with what the applicant declared. A mismatch is a warning the applicant
 * may confirm, never a rejection: a NIK is permanent and is not reissued even when it is wrong.
 * A declared birth date that is not YYYY-MM-DD counts as a mismatch, since it cannot be shown to agree.
 */
export function nikMismatches(
  info: NikInfo,
  declared: { sex: 'L' | 'P'; birthDate: string },
): ('sex' | 'birthDate')[] {
  const mismatches: ('sex' | 'birthDate')[] = [];
  if (info.sex !== declared.sex) mismatches.push('sex');
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(declared.birthDate);
  if (!match || Number(match[1]) !== info.yy || Number(match[2]) !== info.month || Number(match[3]) !== info.day) {
    mismatches.push('birthDate');
  }
  return mismatches;
}
