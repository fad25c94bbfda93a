import { describe, expect, it } from 'vitest';
import {
  VISIT_WINDOW_DAYS,
  addDays,
  ageOn,
  isOfficeDay,
  isRealDate,
  jakartaToday,
  officeDaysInWindow,
  visitDayProblem,
  visitWindow,
  weekday,
} from '../../src/lib/office-days.ts';

const NONE: ReadonlySet<string> = new Set();
// Closed days in the window after Friday 2026-03-13: Nyepi (Thu 19 Mar), cuti bersama (Fri 20 Mar) and
// a holiday on a Saturday, which must still count as a weekend.
const CLOSED: ReadonlySet<string> = new Set(['2026-03-19', '2026-03-20', '2026-03-21']);

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
    expect(visitDayProblem('2026-03-16', today, CLOSED)).toBeUndefined(); // first Monday
    expect(visitDayProblem('2026-03-18', today, CLOSED)).toBeUndefined();
    expect(visitDayProblem('2026-03-16', '2026-03-15', NONE)).toBeUndefined(); // tomorrow
    expect(visitDayProblem('2026-04-14', '2026-03-15', NONE)).toBeUndefined(); // today + 30
  });

  it('reports anything that is not a real YYYY-MM-DD date as format', () => {
    for (const day of ['', '2026-02-30', '16/03/2026', '2026-3-16', '2026-03-16 ', 'besok']) {
      expect(visitDayProblem(day, today, CLOSED), day).toBe('format');
    }
  });

  it('reports today and earlier as too soon', () => {
    expect(visitDayProblem(today, today, NONE)).toBe('too-soon');
    expect(visitDayProblem('2026-03-12', today, NONE)).toBe('too-soon');
    expect(visitDayProblem('2025-12-01', today, NONE)).toBe('too-soon');
  });

  it('reports days after today + 30 as too far', () => {
    expect(visitDayProblem('2026-04-15', '2026-03-15', NONE)).toBe('too-far'); // a Wednesday, day 31
    expect(visitDayProblem('2027-03-16', today, NONE)).toBe('too-far');
  });

  it('reports weekends before holidays, and holidays on weekdays', () => {
    expect(visitDayProblem('2026-03-14', today, NONE)).toBe('weekend');
    expect(visitDayProblem('2026-03-15', today, NONE)).toBe('weekend');
    expect(visitDayProblem('2026-03-21', today, CLOSED)).toBe('weekend');
    expect(visitDayProblem('2026-03-19', today, CLOSED)).toBe('holiday');
    expect(visitDayProblem('2026-03-20', today, CLOSED)).toBe('holiday');
  });

  it('checks the window before the day of the week', () => {
    expect(visitDayProblem('2026-03-07', today, NONE)).toBe('too-soon'); // a past Saturday
    expect(visitDayProblem('2026-04-18', today, NONE)).toBe('too-far'); // a later Saturday
  });
});

describe('officeDaysInWindow', () => {
  it('lists the weekdays in the window that are not closed, in order', () => {
    const days = officeDaysInWindow('2026-03-13', CLOSED);
    expect(days[0]).toBe('2026-03-16');
    expect(days.at(-1)).toBe('2026-04-10'); // 11–12 April are a weekend
    expect(days).not.toContain('2026-03-19');
    expect(days).not.toContain('2026-03-20');
    // 20 weekdays from 16 March to 10 April, less the two closed ones.
    expect(days).toHaveLength(18);
    expect([...days].sort()).toEqual(days);
    for (const day of days) expect(visitDayProblem(day, '2026-03-13', CLOSED), day).toBeUndefined();
  });

  it('agrees with visitDayProblem on every day around the window', () => {
    const today = '2026-12-20';
    const closed = new Set(['2026-12-24', '2026-12-25', '2027-01-01']);
    const listed = new Set(officeDaysInWindow(today, closed));
    for (let n = -3; n <= VISIT_WINDOW_DAYS + 3; n++) {
      const day = addDays(today, n);
      expect(listed.has(day), day).toBe(visitDayProblem(day, today, closed) === undefined);
    }
    expect(listed.has('2027-01-01')).toBe(false);
    expect(listed.has('2027-01-04')).toBe(true);
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
