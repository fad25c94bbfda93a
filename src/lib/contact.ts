/**
 * Links for contact channels. Numbers are written in content as people write them
 * ("0811-8080-141", "+62 21 2924 4800"); these turn them into one-tap links.
 */

/** Digits of a number, keeping a leading "+". */
export function dialString(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** A tel: link that dials the number as written (short codes like 129 stay short). */
export function telHref(value: string): string {
  return `tel:${dialString(value)}`;
}

/** An sms: link. */
export function smsHref(value: string): string {
  return `sms:${dialString(value)}`;
}

/**
 * The international digits of an Indonesian number, as wa.me wants them: "0811..." becomes "62811...",
 * "+62 ..." drops the plus. Throws for a number that is neither, so a typo fails the build.
 */
export function internationalDigits(value: string): string {
  const dial = dialString(value);
  if (dial.startsWith('+')) return dial.slice(1);
  if (dial.startsWith('0')) return `62${dial.slice(1)}`;
  throw new Error(`"${value}" is not an Indonesian number (start with 0 or +62)`);
}

/** A WhatsApp click-to-chat link. */
export function whatsappHref(value: string): string {
  return `https://wa.me/${internationalDigits(value)}`;
}
