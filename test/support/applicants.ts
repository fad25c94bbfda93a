/**
 * Valid applicants relative to today's date (tests never pin a calendar day): a visit day inside the
 * booking window and a NIK whose date part and sex agree with the birth date and sex.
 */
import { formData } from '../../src/generated/form-data.ts';
import { jakartaToday, officeDaysInWindow } from '../../src/lib/office-days.ts';

export const closedDays = new Set<string>(formData.closedDays);
/** Years whose holidays are all known: no visit day is offered outside them. */
export const coveredYears = new Set<number>(formData.holidayYears);

/** Office days a visit can be booked on now. */
export function openDays(): string[] {
  return officeDaysInWindow(jakartaToday(), closedDays, coveredYears);
}

let serial = 0;
// Phones differ per applicant (one number may hold at most 3 active pre-registrations) and per run.
let phoneSerial = Math.floor(Math.random() * 40_000_000);

/** A new Indonesian mobile number, written as people type it: "0812 3456 7890". */
export function phoneFor(n = ++phoneSerial): string {
  const digits = String(10_000_000 + (n % 89_999_999)).padStart(8, '0');
  return `0812 ${digits.slice(0, 4)} ${digits.slice(4)}`;
}

/** A NIK for a birth date and sex: province 18, regency 04, district 01, then DDMMYY (+40 for women) and a serial. */
export function nikFor(birthDate: string, sex: 'L' | 'P', n = ++serial): string {
  const [year, month, day] = birthDate.split('-');
  const dd = String(Number(day) + (sex === 'P' ? 40 : 0)).padStart(2, '0');
  return `180401${dd}${month}${year!.slice(2)}${String((n % 9999) + 1).padStart(4, '0')}`;
}

export interface Applicant {
  fullName: string;
  nik: string;
  birthDate: string;
  sex: 'L' | 'P';
  phone: string;
  regency: string;
  address: string;
  education: string;
  destinationCountry: string;
  jobSector: string;
  scheme: string;
  hasPassport: boolean;
  maritalStatus: string;
  visitDate: string;
  consent: boolean;
  confirmNikMismatch?: boolean;
}

/** A complete, valid applicant; each call gets a new NIK and a new phone number. */
export function applicant(overrides: Partial<Applicant> = {}): Applicant {
  const birthDate = overrides.birthDate ?? '1999-08-17';
  const sex = overrides.sex ?? 'P';
  return {
    fullName: 'Siti Aminah',
    nik: nikFor(birthDate, sex),
    birthDate,
    sex,
    phone: phoneFor(),
    regency: '1804',
    address: 'Dusun 2 RT 01 RW 02, Desa Sukadana, Kecamatan Sukadana',
    education: 'sma',
    destinationCountry: 'malaysia',
    jobSector: 'manufaktur',
    scheme: 'p-to-p',
    hasPassport: false,
    maritalStatus: 'belum-kawin',
    visitDate: openDays()[1] ?? openDays()[0]!,
    consent: true,
    ...overrides,
  };
}

/** The same applicant as a urlencoded form body, as a browser without JavaScript sends it. */
export function asForm(value: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    params.set(key, typeof v === 'boolean' ? (v ? 'ya' : 'tidak') : String(v));
  }
  return params.toString();
}
