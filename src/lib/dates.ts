/**
 * Calendar-date helpers. Content dates are calendar days (no time of day), stored as Dates at
 * midnight UTC, so every formatter here works in UTC to avoid showing the previous day.
 */

// Building a formatter costs far more than using one: keep one per locale.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "28 November 2026" in Indonesian, "28 November 2026" in English. */
export function formatDate(date: Date, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}

/** The ISO calendar day, YYYY-MM-DD, for datetime attributes and JSON-LD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses YYYY-MM-DD as a UTC calendar day; undefined for anything else or an impossible date. */
export function parseIsoDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date;
}

const jakartaClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A moment as a person in Lampung reads it, rounded up to the next minute (a "try again after"
 * time must not come too early): "30 November 2026 pukul 14.05 WIB", "30 November 2026 at 14:05 WIB".
 */
export function formatJakartaTime(ms: number, lang: 'id' | 'en'): string {
  const parts = jakartaClock.formatToParts(new Date(Math.ceil(ms / 60_000) * 60_000));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = formatDate(new Date(`${part('year')}-${part('month')}-${part('day')}T00:00:00Z`), lang === 'id' ? 'id-ID' : 'en-GB');
  return lang === 'id' ? `${day} pukul ${part('hour')}.${part('minute')} WIB` : `${day} at ${part('hour')}:${part('minute')} WIB (Jakarta time)`;
}
