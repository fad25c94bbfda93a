/**
 * The moment tests act on. Tests never pin a calendar day: they run on the real date, except when it
 * leaves fewer than MIN_BOOKABLE_DAYS bookable days in the 30-day window because next year's
 * holidays are not in content/data/holidays.yaml yet (every late December until they are sourced).
 * Then they run on 2 June of the last covered year, 10:00 WIB, moving forward from there in real
 * time, so CI never goes red because of the date. The shift, when there is one, applies everywhere
 * a test's code runs: the test process (Date faked), a local server's functions (the offset in their
 * environment, read by src/server/clock.ts) and the browser (its clock set to the same moment).
 */
import { vi } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { formData } from '../../src/generated/form-data.ts';
import { jakartaToday, officeDaysInWindow } from '../../src/lib/office-days.ts';

export const MIN_BOOKABLE_DAYS = 8;

const realNow = Date.now();
const bookable = (at: number) => officeDaysInWindow(jakartaToday(new Date(at)), new Set(formData.closedDays), new Set(formData.holidayYears)).length;
const lastCovered = Math.max(...formData.holidayYears);

/** Milliseconds to add to real time: 0 on any day with enough bookable days. */
export const CLOCK_OFFSET_MS = bookable(realNow) >= MIN_BOOKABLE_DAYS ? 0 : Date.parse(`${lastCovered}-06-02T03:00:00Z`) - realNow;

/** Fakes Date in this process when the clock is shifted (timers stay real). Called by the setup file. */
export function useTestClock(): void {
  if (CLOCK_OFFSET_MS === 0) return;
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + CLOCK_OFFSET_MS, shouldAdvanceTime: true });
}

/** The environment a local server's functions need to run on the same clock. */
export function serverClockEnv(): Record<string, string> {
  return CLOCK_OFFSET_MS === 0 ? {} : { LTSA_TEST_CLOCK_OFFSET_MS: String(CLOCK_OFFSET_MS) };
}

/** Sets a browser context's clock to the tests' moment, when it is shifted. */
export async function useBrowserClock(context: BrowserContext): Promise<void> {
  if (CLOCK_OFFSET_MS !== 0) await context.clock.setFixedTime(new Date(Date.now()));
}
