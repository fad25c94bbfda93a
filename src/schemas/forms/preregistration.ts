/**
 * The pre-registration form and API schema, shared by the form page, its browser script and the
 * function, so the same input gets the same answer everywhere. Messages are codes
 * ("nik.length"); src/i18n/form-errors.ts turns them into GOV.UK-style sentences in each language.
 *
 * Rules that depend on data or the date (closed destinations, office days, age on the visit day)
 * take a context, so the browser and the function apply them with the same data.
 *
 * Written with zod/mini, like the tip schema: the browser scripts carry a fraction of zod classic's
 * size, and the two forms' scripts share one small copy of zod's core.
 */
import * as z from 'zod/mini';
import { nikMismatches, normalizeNik, parseNik } from '../../lib/nik.ts';
import { normalizeIndonesianMobile } from '../../lib/phone.ts';
import { ageOn, isRealDate, officeDaysInWindow, visitDayProblem, visitWindow, yearOf } from '../../lib/office-days.ts';
import { EDUCATION_LEVELS, JOB_SECTORS, MARITAL_STATUSES, SCHEMES, SEXES, values, type Option } from './preregistration-fields.ts';
import { blankToUndefined, firstErrors, oneLine, required, UNSAFE_TEXT, yesNo, type FieldError } from './field-rules.ts';

/** The form's fields in page order: the error summary lists errors in this order. */
export const PREREGISTRATION_FIELDS = [
  'fullName', 'nik', 'birthDate', 'sex', 'phone', 'regency', 'address', 'education',
  'destinationCountry', 'jobSector', 'scheme', 'hasPassport', 'maritalStatus', 'visitDate', 'consent',
] as const;
export type PreregistrationField = (typeof PREREGISTRATION_FIELDS)[number];

export const MINIMUM_AGE = 18;

/** A destination as the rules need it (from src/generated/form-data.ts). */
export interface DestinationRules {
  slug: string;
  name: { id: string; en: string };
  rules: readonly {
    jobSectors: readonly string[];
    status: 'open' | 'restricted' | 'closed' | 'moratorium' | 'under-review';
    sector: { id: string; en: string };
    basis: { id: string; en: string };
    notice?: string | undefined;
  }[];
}

export interface PreregistrationContext {
  /** Today in Asia/Jakarta, YYYY-MM-DD. */
  today: string;
  /** Public holidays and collective leave days. */
  closedDays: ReadonlySet<string>;
  /** Years whose holidays are all in `closedDays` (formData.holidayYears): no visit day in another year is accepted. */
  coveredYears: ReadonlySet<number>;
  destinations: readonly DestinationRules[];
  regencyCodes: ReadonlySet<string>;
}

/** Runs `clean` on the raw value before `schema` (zod classic's preprocess). */
const before = <T extends z.core.$ZodType>(clean: (value: unknown) => unknown, schema: T) => z.pipe(z.transform(clean), schema);

function choice<T extends string>(field: string, options: readonly Option<T>[]) {
  return before(blankToUndefined, z.enum(values(options), required(field)));
}

/** A value turned into another by `convert`, or refused with `problem`'s message code. */
function converted<T>(field: string, convert: (value: string) => { ok: true; value: T } | { ok: false; code: string }) {
  return before(
    blankToUndefined,
    z.pipe(
      z.string(required(field)),
      z.transform((value: string, ctx) => {
        const result = convert(value);
        if (result.ok) return result.value;
        ctx.issues.push({ code: 'custom', message: result.code, input: value });
        return z.NEVER;
      }),
    ),
  );
}

const dateField = (field: string) => before(blankToUndefined, z.string(required(field)).check(z.trim(), z.refine(isRealDate, `${field}.format`)));

/** The fields one by one; cross-field rules come after, in `parsePreregistration`. */
export const PreregistrationFieldsSchema = z.object({
  /** Full name as written on the KTP: letters, marks, spaces and . , ' ` - only, so never markup, controls or bidi marks. Example: "Siti Aminah". */
  fullName: before(blankToUndefined, z.string(required('fullName')).check(z.trim(), z.maxLength(100, 'fullName.tooLong'), z.regex(/^[\p{L}\p{M} .,'`-]+$/u, 'fullName.chars'))),
  /** The 16-digit NIK; spaces, dots and dashes are dropped. Example: "1804015708990001". */
  nik: converted('nik', (v) => {
    const parsed = parseNik(v);
    return parsed.ok ? { ok: true, value: normalizeNik(v) } : { ok: false, code: `nik.${parsed.problem}` };
  }),
  /** Birth date, YYYY-MM-DD. */
  birthDate: dateField('birthDate'),
  /** "L" (laki-laki) or "P" (perempuan), as on the KTP. */
  sex: choice('sex', SEXES),
  /** Indonesian mobile number for WhatsApp, normalised to +62. Example: "0812 3456 7890" → "+6281234567890". */
  phone: converted('phone', (v) => {
    const normalized = normalizeIndonesianMobile(v);
    return normalized ? { ok: true, value: normalized } : { ok: false, code: 'phone.format' };
  }),
  /** Four-digit code of the regency or city on the KTP. Example: "1804". */
  regency: before(blankToUndefined, z.string(required('regency')).check(z.trim(), z.regex(/^18\d{2}$/, 'regency.invalid'))),
  /**
   * Address as on the KTP, on one line (line breaks become spaces); no < >, control characters or bidi marks.
   * Example: "Jl. Mawar No. 5/B, RT 01/RW 02, Desa Sukadana".
   */
  address: before(
    blankToUndefined,
    z.string(required('address')).check(
      z.trim(),
      z.overwrite(oneLine),
      z.minLength(10, 'address.tooShort'),
      z.maxLength(300, 'address.tooLong'),
      z.refine((v: string) => !UNSAFE_TEXT.test(v), 'address.chars'),
    ),
  ),
  /** Last education completed. */
  education: choice('education', EDUCATION_LEVELS),
  /** Destination country slug (content/countries). Example: "korea-selatan". */
  destinationCountry: before(blankToUndefined, z.string(required('destinationCountry')).check(z.trim())),
  /** Job sector code. */
  jobSector: choice('jobSector', JOB_SECTORS),
  /** Placement scheme, or "belum-tahu". */
  scheme: choice('scheme', SCHEMES),
  /** Whether the applicant already holds a passport. */
  hasPassport: before(yesNo, z.boolean(required('hasPassport'))),
  /** Marital status. */
  maritalStatus: choice('maritalStatus', MARITAL_STATUSES),
  /** The day the applicant will visit the office, YYYY-MM-DD. */
  visitDate: dateField('visitDate'),
  /** Consent to processing under UU 27/2022; must be given. */
  consent: before(yesNo, z.literal(true, { error: 'consent.required' })),
  /** The applicant confirms that a birth date or sex differing from the NIK is right. */
  confirmNikMismatch: before(yesNo, z.optional(z.boolean())),
});

export type PreregistrationInput = z.infer<typeof PreregistrationFieldsSchema>;

export type { FieldError };
export type FieldErrors = Partial<Record<PreregistrationField, FieldError>>;

export type PreregistrationResult =
  | { ok: true; data: PreregistrationInput; nikMismatch: ('sex' | 'birthDate')[] }
  | { ok: false; errors: FieldErrors };

/** The closing rule, if any, that refuses this job sector in this destination. */
export function closedRule(destination: DestinationRules, jobSector: string) {
  return destination.rules.find((r) => r.jobSectors.includes(jobSector) && (r.status === 'closed' || r.status === 'moratorium'));
}

/** Validates a submission: every field, then the rules across fields. Never throws on bad input. */
export function parsePreregistration(input: unknown, ctx: PreregistrationContext): PreregistrationResult {
  const parsed = PreregistrationFieldsSchema.safeParse(typeof input === 'object' && input !== null ? input : {});
  const errors: FieldErrors = parsed.success ? {} : firstErrors(PREREGISTRATION_FIELDS, parsed.error.issues);
  // Cross-field rules run on whatever fields are valid, so the applicant sees every problem at once.
  const field = <K extends keyof PreregistrationInput>(key: K): PreregistrationInput[K] | undefined => {
    if (parsed.success) return parsed.data[key];
    const one = PreregistrationFieldsSchema.shape[key].safeParse((input as Record<string, unknown> | null)?.[key]);
    return one.success ? (one.data as PreregistrationInput[K]) : undefined;
  };

  const regency = field('regency');
  if (regency && !errors.regency && !ctx.regencyCodes.has(regency)) errors.regency = { code: 'regency.invalid' };

  const destinationSlug = field('destinationCountry');
  const destination = destinationSlug ? ctx.destinations.find((d) => d.slug === destinationSlug) : undefined;
  if (destinationSlug && !destination && !errors.destinationCountry) errors.destinationCountry = { code: 'destinationCountry.invalid' };

  const jobSector = field('jobSector');
  if (destination && jobSector && !errors.jobSector) {
    const rule = closedRule(destination, jobSector);
    if (rule) {
      errors.jobSector = {
        code: `jobSector.${rule.status}`,
        params: { country: destination.slug, sector: jobSector },
        ...(rule.notice ? { link: `/pengumuman/#${rule.notice}` } : {}),
      };
    }
  }

  const visitDate = field('visitDate');
  if (visitDate && !errors.visitDate) {
    const problem = visitDayProblem(visitDate, ctx.today, ctx.closedDays, ctx.coveredYears);
    if (problem) {
      const params: Record<string, string> = { date: visitDate, last: visitWindow(ctx.today).last };
      if (problem === 'not-covered') {
        params.year = String(yearOf(visitDate));
        const lastBookable = officeDaysInWindow(ctx.today, ctx.closedDays, ctx.coveredYears).at(-1);
        if (lastBookable) params.lastBookable = lastBookable;
      }
      errors.visitDate = { code: `visitDate.${problem}`, params };
    }
  }

  const birthDate = field('birthDate');
  if (birthDate && !errors.birthDate) {
    if (birthDate >= ctx.today) errors.birthDate = { code: 'birthDate.future' };
    else if (ageOn(birthDate, visitDate && !errors.visitDate ? visitDate : ctx.today) < MINIMUM_AGE) errors.birthDate = { code: 'birthDate.underage' };
    else if (ageOn(birthDate, ctx.today) > 100) errors.birthDate = { code: 'birthDate.format' };
  }

  const nik = field('nik');
  const sex = field('sex');
  let nikMismatch: ('sex' | 'birthDate')[] = [];
  if (nik && !errors.nik && sex && birthDate && !errors.birthDate) {
    const info = parseNik(nik);
    if (info.ok) nikMismatch = nikMismatches(info.info, { sex, birthDate });
    if (nikMismatch.length > 0 && field('confirmNikMismatch') !== true) {
      errors.nik = { code: 'nik.mismatch', params: { fields: nikMismatch.join(',') }, warning: true };
    }
  }

  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, data: parsed.data, nikMismatch };
}

/** The status-check form: registration code and birth date. */
export const StatusQuerySchema = z.object({
  code: before(blankToUndefined, z.string(required('code')).check(z.trim(), z.maxLength(40, 'code.invalid'))),
  birthDate: dateField('birthDate'),
});
