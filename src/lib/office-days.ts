/**
 * Visit days at the LTSA office in Lampung. Days are calendar strings, YYYY-MM-DD, in Jakarta time
 * (WIB, UTC+7, no daylight saving): the server runs in UTC and the applicant's phone may be set to
 * anything, so "today" is always taken from Asia/Jakarta. Day arithmetic is done on UTC midnights,
 * where every day is 24 hours long.
 */
import { parseIsoDay } from './dates.ts';

// Building a formatter costs far more than using one.
const jakartaFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Jakarta, e.g. 2026-11-28T17:30:00Z gives "2026-11-29". */
export function jakartaToday(now: Date = new Date()): string {
  // formatToParts, not format: the order and separators of format() depend on the locale data.
  const parts = jakartaFormatter.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

function toDate(day: string): Date {
  const date = parseIsoDay(day);
  if (!date) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(day)}`);
  return date;
}

/** True for a date that exists, written YYYY-MM-DD ("2026-02-29" is false). */
export function isRealDate(day: string): boolean {
  return parseIsoDay(day) !== undefined;
}

/** The day `n` days after `day` (before, for negative n). Throws a RangeError for a date that is not real. */
export function addDays(day: string, n: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. Throws a RangeError for a date that is not real. */
export function weekday(day: string): number {
  return toDate(day).getUTCDay();
}

/**
 * Whether the office is open: Monday to Friday and not in `closed` (national holidays and
 * collective leave, content/data/holidays.yaml).
 */
export function isOfficeDay(day: string, closed: ReadonlySet<string>): boolean {
  const d = weekday(day);
  return d >= 1 && d <= 5 && !closed.has(day);
}

/** How many days ahead an applicant may book. */
export const VISIT_WINDOW_DAYS = 30;

/** The days an applicant may choose from: tomorrow through today + 30. */
export function visitWindow(today: string): { first: string; last: string } {
  return { first: addDays(today, 1), last: addDays(today, VISIT_WINDOW_DAYS) };
}

/**
 * The year of a YYYY-MM-DD day. Holidays are known per year (content/data/holidays.yaml `covers`):
 * a day in a year whose holidays are not all known cannot be offered, since it may be a holiday.
 */
export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** Why a chosen visit day cannot be accepted; each maps to its own instruction in the form. */
export type VisitDayProblem = 'format' | 'too-soon' | 'too-far' | 'not-covered' | 'weekend' | 'holiday';

/**
 * The first reason `day` is not a bookable visit day, checked in the order the applicant can fix
 * them, or undefined when it is bookable. `coveredYears` are the years whose holidays are all in
 * `closed`; a day in any other year is 'not-covered'.
 */
export function visitDayProblem(
  day: string,
  today: string,
  closed: ReadonlySet<string>,
  coveredYears: ReadonlySet<number>,
): VisitDayProblem | undefined {
  if (!isRealDate(day)) return 'format';
  const { first, last } = visitWindow(today);
  // Real YYYY-MM-DD strings sort like the days they name.
  if (day < first) return 'too-soon';
  if (day > last) return 'too-far';
  if (!coveredYears.has(yearOf(day))) return 'not-covered';
  const d = weekday(day);
  if (d === 0 || d === 6) return 'weekend';
  if (closed.has(day)) return 'holiday';
  return undefined;
}

/** Every bookable day in the window, in order, for the form's list of choices. */
export function officeDaysInWindow(today: string, closed: ReadonlySet<string>, coveredYears: ReadonlySet<number>): string[] {
  const days: string[] = [];
  for (let n = 1; n <= VISIT_WINDOW_DAYS; n++) {
    const day = addDays(today, n);
    if (coveredYears.has(yearOf(day)) && isOfficeDay(day, closed)) days.push(day);
  }
  return days;
}

/** How the holiday data cuts the booking window short, for the sentence that says why fewer days are shown. */
export interface CoverageCut {
  /** The first day of the window in a year whose holidays are not known. Example: "2027-01-01". */
  firstUncovered: string;
  /** Its year. Example: 2027. */
  year: number;
  /** The last day that can still be booked, or undefined when none can. Example: "2026-12-31". */
  lastBookable: string | undefined;
}

/** Whether some days of the booking window from `today` fall in a year the holidays do not cover; undefined when none do. */
export function coverageCut(today: string, closed: ReadonlySet<string>, coveredYears: ReadonlySet<number>): CoverageCut | undefined {
  for (let n = 1; n <= VISIT_WINDOW_DAYS; n++) {
    const day = addDays(today, n);
    if (!coveredYears.has(yearOf(day))) {
      return { firstUncovered: day, year: yearOf(day), lastBookable: officeDaysInWindow(today, closed, coveredYears).at(-1) };
    }
  }
  return undefined;
}

/**
 * The build's warning when the holidays run out soon: from 1 October (Jakarta) while next year is
 * not covered, or at any time when this year is not. Undefined when there is nothing to warn about.
 * A warning, never a failure: CI must not go red because of the date.
 */
export function holidayCoverageWarning(today: string, years: readonly number[]): string | undefined {
  const year = yearOf(today);
  const file = 'content/data/holidays.yaml';
  if (!years.includes(year)) {
    return `${file} does not cover ${year}: the pre-registration form offers no visit day in ${year}. Add the ${year} holidays (SKB 3 Menteri) and ${year} to covers.`;
  }
  if (today.slice(5) >= '10-01' && !years.includes(year + 1)) {
    return `${file} does not cover ${year + 1}: from ${addDays(`${year + 1}-01-01`, -VISIT_WINDOW_DAYS)} the pre-registration form offers no visit day after ${year}-12-31. Add the ${year + 1} holidays (SKB 3 Menteri) and ${year + 1} to covers once they are sourced.`;
  }
  return undefined;
}

/**
 * Whole years completed on `day`. A birthday counts from the day itself; someone born on 29 February
 * completes a year on 1 March in common years. Throws a RangeError for a date that is not real.
 */
export function ageOn(birthDate: string, day: string): number {
  const birth = toDate(birthDate);
  const on = toDate(day);
  let years = on.getUTCFullYear() - birth.getUTCFullYear();
  const monthDiff = on.getUTCMonth() - birth.getUTCMonth();
  if (monthDiff < 0 || (monthDiff === 0 && on.getUTCDate() < birth.getUTCDate())) years--;
  return years;
}
