import { describe, expect, it } from 'vitest';
import {
  VISIT_WINDOW_DAYS,
  addDays,
  ageOn,
  coverageCut,
  holidayCoverageWarning,
  isOfficeDay,
  isRealDate,
  jakartaToday,
  officeDaysInWindow,
  visitDayProblem,
  visitWindow,
  weekday,
  yearOf,
} from '../../src/lib/office-days.ts';

const NONE: ReadonlySet<string> = new Set();
// Closed days in the window after Friday 2026-03-13: Nyepi (Thu 19 Mar), cuti bersama (Fri 20 Mar) and
// a holiday on a Saturday, which must still count as a weekend.
const CLOSED: ReadonlySet<string> = new Set(['2026-03-19', '2026-03-20', '2026-03-21']);
// Every year these tests book in has its holidays known, unless a test says otherwise.
const YEARS: ReadonlySet<number> = new Set([2025, 2026, 2027]);
const ONLY_2026: ReadonlySet<number> = new Set([2026]);

describe('jakartaToday', () => {
  it('is already tomorrow in Jakarta from 17:00 UTC', () => {
    expect(jakartaToday(new Date('2026-11-28T17:30:00Z'))).toBe('2026-11-29');
    expect(jakartaToday(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
    expect(jakartaToday(new Date('2026-11-28T16:59:59.999Z'))).toBe('2026-11-28');
    expect(jakartaToday(new Date('2026-11-28T00:00:00Z'))).toBe('2026-11-28');
  });

  it('crosses month and year ends and leap days', () => {
    expect(jakartaToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(jakartaToday(new Date('2028-02-28T18:00:00Z'))).toBe('2028-02-29');
  });

  it('defaults to the current time', () => {
    const before = jakartaToday(new Date());
    const today = jakartaToday();
    const after = jakartaToday(new Date());
    expect([before, after]).toContain(today);
    expect(isRealDate(today)).toBe(true);
  });
});

describe('isRealDate', () => {
  it('accepts only dates that exist, written YYYY-MM-DD', () => {
    expect(isRealDate('2026-03-16')).toBe(true);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2026-04-31')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-00-10')).toBe(false);
    expect(isRealDate('2026-3-16')).toBe(false);
    expect(isRealDate('16-03-2026')).toBe(false);
    expect(isRealDate('2026-03-16T00:00')).toBe(false);
    expect(isRealDate('')).toBe(false);
  });
});

describe('addDays and weekday', () => {
  it('adds and subtracts across months, years and leap days', () => {
    expect(addDays('2026-03-16', 0)).toBe('2026-03-16');
    expect(addDays('2026-03-16', 1)).toBe('2026-03-17');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('numbers weekdays from Sunday = 0', () => {
    expect(weekday('2026-03-15')).toBe(0); // Sunday
    expect(weekday('2026-03-16')).toBe(1);
    expect(weekday('2026-03-20')).toBe(5);
    expect(weekday('2026-03-21')).toBe(6);
    expect(weekday('2000-01-01')).toBe(6);
  });

  it('refuses dates that are not real instead of rolling them over', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => weekday('2026/03/16')).toThrow(RangeError);
  });
});

describe('isOfficeDay', () => {
  it('is Monday to Friday outside the closed days', () => {
    expect(isOfficeDay('2026-03-16', NONE)).toBe(true); // Monday
    expect(isOfficeDay('2026-03-18', CLOSED)).toBe(true);
    expect(isOfficeDay('2026-03-20', NONE)).toBe(true); // Friday
    expect(isOfficeDay('2026-03-20', CLOSED)).toBe(false);
    expect(isOfficeDay('2026-03-19', CLOSED)).toBe(false);
    expect(isOfficeDay('2026-03-21', NONE)).toBe(false); // Saturday
    expect(isOfficeDay('2026-03-22', NONE)).toBe(false); // Sunday
  });
});

describe('visitWindow', () => {
  it('runs from tomorrow to 30 days ahead', () => {
    expect(VISIT_WINDOW_DAYS).toBe(30);
    expect(visitWindow('2026-03-13')).toEqual({ first: '2026-03-14', last: '2026-04-12' });
    expect(visitWindow('2026-12-31')).toEqual({ first: '2027-01-01', last: '2027-01-30' });
  });
});

describe('visitDayProblem', () => {
  const today = '2026-03-13'; // a Friday; the window is 2026-03-14 to 2026-04-12

  it('accepts an office day inside the window, at both ends', () => {
    expect(visitDayProblem('2026-03-16', today, CLOSED, YEARS)).toBeUndefined(); // first Monday
    expect(visitDayProblem('2026-03-18', today, CLOSED, YEARS)).toBeUndefined();
    expect(visitDayProblem('2026-03-16', '2026-03-15', NONE, YEARS)).toBeUndefined(); // tomorrow
    expect(visitDayProblem('2026-04-14', '2026-03-15', NONE, YEARS)).toBeUndefined(); // today + 30
  });

  it('reports anything that is not a real YYYY-MM-DD date as format', () => {
    for (const day of ['', '2026-02-30', '16/03/2026', '2026-3-16', '2026-03-16 ', 'besok']) {
      expect(visitDayProblem(day, today, CLOSED, YEARS), day).toBe('format');
    }
  });

  it('reports today and earlier as too soon', () => {
    expect(visitDayProblem(today, today, NONE, YEARS)).toBe('too-soon');
    expect(visitDayProblem('2026-03-12', today, NONE, YEARS)).toBe('too-soon');
    expect(visitDayProblem('2025-12-01', today, NONE, YEARS)).toBe('too-soon');
  });

  it('reports days after today + 30 as too far', () => {
    expect(visitDayProblem('2026-04-15', '2026-03-15', NONE, YEARS)).toBe('too-far'); // a Wednesday, day 31
    expect(visitDayProblem('2027-03-16', today, NONE, YEARS)).toBe('too-far');
  });

  it('reports weekends before holidays, and holidays on weekdays', () => {
    expect(visitDayProblem('2026-03-14', today, NONE, YEARS)).toBe('weekend');
    expect(visitDayProblem('2026-03-15', today, NONE, YEARS)).toBe('weekend');
    expect(visitDayProblem('2026-03-21', today, CLOSED, YEARS)).toBe('weekend');
    expect(visitDayProblem('2026-03-19', today, CLOSED, YEARS)).toBe('holiday');
    expect(visitDayProblem('2026-03-20', today, CLOSED, YEARS)).toBe('holiday');
  });

  it('checks the window before the day of the week', () => {
    expect(visitDayProblem('2026-03-07', today, NONE, YEARS)).toBe('too-soon'); // a past Saturday
    expect(visitDayProblem('2026-04-18', today, NONE, YEARS)).toBe('too-far'); // a later Saturday
  });
});

describe('officeDaysInWindow', () => {
  it('lists the weekdays in the window that are not closed, in order', () => {
    const days = officeDaysInWindow('2026-03-13', CLOSED, YEARS);
    expect(days[0]).toBe('2026-03-16');
    expect(days.at(-1)).toBe('2026-04-10'); // 11–12 April are a weekend
    expect(days).not.toContain('2026-03-19');
    expect(days).not.toContain('2026-03-20');
    // 20 weekdays from 16 March to 10 April, less the two closed ones.
    expect(days).toHaveLength(18);
    expect([...days].sort()).toEqual(days);
    for (const day of days) expect(visitDayProblem(day, '2026-03-13', CLOSED, YEARS), day).toBeUndefined();
  });

  it('agrees with visitDayProblem on every day around the window', () => {
    const today = '2026-12-20';
    const closed = new Set(['2026-12-24', '2026-12-25', '2027-01-01']);
    const listed = new Set(officeDaysInWindow(today, closed, YEARS));
    for (let n = -3; n <= VISIT_WINDOW_DAYS + 3; n++) {
      const day = addDays(today, n);
      expect(listed.has(day), day).toBe(visitDayProblem(day, today, closed, YEARS) === undefined);
    }
    expect(listed.has('2027-01-01')).toBe(false);
    expect(listed.has('2027-01-04')).toBe(true);
  });
});

describe('holiday coverage', () => {
  it('takes the year from a day', () => {
    expect(yearOf('2026-12-31')).toBe(2026);
    expect(yearOf('2027-01-01')).toBe(2027);
  });

  it('refuses a day in a year the holidays do not cover, after the window checks and before the weekday', () => {
    const today = '2026-12-20';
    expect(visitDayProblem('2027-01-04', today, NONE, ONLY_2026)).toBe('not-covered'); // a Monday
    expect(visitDayProblem('2027-01-02', today, NONE, ONLY_2026)).toBe('not-covered'); // a Saturday
    expect(visitDayProblem('2027-01-20', today, NONE, ONLY_2026)).toBe('too-far');
    expect(visitDayProblem(today, today, NONE, new Set())).toBe('too-soon');
    expect(visitDayProblem('2026-12-31', today, NONE, ONLY_2026)).toBeUndefined();
    expect(visitDayProblem('2026-12-26', today, NONE, ONLY_2026)).toBe('weekend');
  });

  it('offers no day in an uncovered year, and agrees with visitDayProblem around the window', () => {
    const today = '2026-12-20';
    const closed = new Set(['2026-12-24', '2026-12-25']);
    const listed = officeDaysInWindow(today, closed, ONLY_2026);
    expect(listed.at(-1)).toBe('2026-12-31');
    expect(listed.every((d) => d.startsWith('2026-'))).toBe(true);
    for (let n = -3; n <= VISIT_WINDOW_DAYS + 3; n++) {
      const day = addDays(today, n);
      expect(listed.includes(day), day).toBe(visitDayProblem(day, today, closed, ONLY_2026) === undefined);
    }
    expect(officeDaysInWindow('2026-12-31', NONE, ONLY_2026)).toEqual([]);
  });

  it('says when the window is cut short, from which day, and the last day still bookable', () => {
    expect(coverageCut('2026-11-29', NONE, ONLY_2026)).toBeUndefined(); // the window ends on 29 December
    expect(coverageCut('2026-12-01', NONE, ONLY_2026)).toBeUndefined(); // ... on 31 December
    expect(coverageCut('2026-12-02', NONE, ONLY_2026)).toEqual({ firstUncovered: '2027-01-01', year: 2027, lastBookable: '2026-12-31' });
    // 31 December 2027 is a Friday; with it closed, the last bookable day is the Thursday before.
    expect(coverageCut('2027-12-20', new Set(['2027-12-31']), YEARS)).toEqual({ firstUncovered: '2028-01-01', year: 2028, lastBookable: '2027-12-30' });
    expect(coverageCut('2026-12-31', NONE, ONLY_2026)).toEqual({ firstUncovered: '2027-01-01', year: 2027, lastBookable: undefined });
    expect(coverageCut('2026-12-20', NONE, YEARS)).toBeUndefined();
  });
});

describe('holidayCoverageWarning', () => {
  it('is quiet until 30 September while next year is missing', () => {
    expect(holidayCoverageWarning('2026-01-01', [2026])).toBeUndefined();
    expect(holidayCoverageWarning('2026-09-30', [2026])).toBeUndefined();
  });

  it('warns from 1 October to 31 December while next year is missing, naming the file and the year', () => {
    for (const today of ['2026-10-01', '2026-11-29', '2026-12-31']) {
      const warning = holidayCoverageWarning(today, [2026]);
      expect(warning, today).toMatch(/content\/data\/holidays\.yaml/);
      expect(warning, today).toMatch(/2027/);
    }
    expect(holidayCoverageWarning('2026-10-01', [2026])).toContain('2026-12-02');
  });

  it('is quiet once next year is covered', () => {
    expect(holidayCoverageWarning('2026-10-01', [2026, 2027])).toBeUndefined();
    expect(holidayCoverageWarning('2026-12-31', [2027, 2026])).toBeUndefined();
  });

  it('warns at any date when this year is not covered', () => {
    expect(holidayCoverageWarning('2027-01-05', [2026])).toMatch(/does not cover 2027/);
    expect(holidayCoverageWarning('2027-03-01', [2028])).toMatch(/does not cover 2027/);
  });
});

describe('ageOn', () => {
  it('counts a year only once the birthday is reached', () => {
    expect(ageOn('2008-03-16', '2026-03-15')).toBe(17);
    expect(ageOn('2008-03-16', '2026-03-16')).toBe(18);
    expect(ageOn('2008-03-16', '2026-03-17')).toBe(18);
    expect(ageOn('2008-12-31', '2026-01-01')).toBe(17);
    expect(ageOn('2008-01-01', '2026-12-31')).toBe(18);
  });

  it('has someone born on 29 February complete a year on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
  });

  it('is 0 on the day of birth and negative before it', () => {
    expect(ageOn('2026-03-16', '2026-03-16')).toBe(0);
    expect(ageOn('2026-03-16', '2026-03-15')).toBe(-1);
  });

  it('refuses dates that are not real', () => {
    expect(() => ageOn('2008-02-30', '2026-03-16')).toThrow(RangeError);
    expect(() => ageOn('2008-02-28', '16-03-2026')).toThrow(RangeError);
  });
});
