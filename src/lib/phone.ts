/**
 * Indonesian mobile numbers, for contacting applicants on WhatsApp. People write them as
 * "0812-3456-7890", "+62 812 3456 7890" or "(0812) 34567890"; WhatsApp links and storage need one
 * canonical E.164 form.
 */

/**
 * "+62" followed by the national number without its leading 0, e.g. "0812-3456-7890" gives
 * "+6281234567890"; undefined for anything that is not an Indonesian mobile number (those start with 8
 * and have 9 to 12 digits after the country code).
 */
export function normalizeIndonesianMobile(input: string): string | undefined {
  const compact = input.replace(/[\s\-.()]/g, '');
  const rest = /^(?:\+62|62|0)?(8[0-9]{8,11})$/.exec(compact)?.[1];
  return rest === undefined ? undefined : `+62${rest}`;
}
