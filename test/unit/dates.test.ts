import { describe, expect, it } from 'vitest';
import { formatDate, isoDay, parseIsoDay } from '../../src/lib/dates.ts';

describe('calendar dates', () => {
  it('formats a content date in each language without shifting the day', () => {
    const day = new Date('2026-11-28T00:00:00Z');
    expect(formatDate(day, 'id-ID')).toBe('28 November 2026');
    expect(formatDate(day, 'en-GB')).toBe('28 November 2026');
    expect(formatDate(new Date('2015-07-01T00:00:00Z'), 'id-ID')).toBe('1 Juli 2015');
    expect(isoDay(day)).toBe('2026-11-28');
  });

  it('parses only real YYYY-MM-DD days', () => {
    expect(parseIsoDay('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(parseIsoDay('2026-02-29')).toBeUndefined();
    expect(parseIsoDay('2024-02-29')).toBeDefined();
    expect(parseIsoDay('2026-13-01')).toBeUndefined();
    expect(parseIsoDay('28-11-2026')).toBeUndefined();
    expect(parseIsoDay('2026-1-1')).toBeUndefined();
  });
});
