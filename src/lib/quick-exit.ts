/**
 * The quick exit on the reporting pages: where it goes and the keyboard shortcut. One module, so the
 * link without JavaScript, the script and the tests agree.
 */

/**
 * A neutral page on another site: the national weather agency (BMKG). Someone glancing at the screen
 * sees a weather forecast, and the page says nothing about reporting.
 */
export const NEUTRAL_URL = 'https://www.bmkg.go.id/';

/** Pressing Escape this many times ... */
export const ESCAPE_PRESSES = 3;

/** ... within this many milliseconds leaves the page. */
export const ESCAPE_WINDOW_MS = 2000;
