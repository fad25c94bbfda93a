/**
 * Rules every form schema shares, as plain functions and patterns: they work with zod classic (the
 * pre-registration schema) and zod/mini (the tip schema, small enough for the reporting page's
 * script budget) alike. Messages are codes ("what.required"); src/i18n turns them into sentences.
 */

/** A field error: a message code with the values it needs, and a link where one helps. */
export interface FieldError {
  code: string;
  params?: Record<string, string>;
  /** A site path the message points to (a notice). */
  link?: string;
  /** A warning the person may confirm rather than an error to fix. */
  warning?: boolean;
}

/** Form posts send "ya"/"tidak", "on", "true"; JSON sends booleans. Anything else stays as it is, so it fails. */
export function yesNo(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['ya', 'yes', 'true', 'on', '1'].includes(v)) return true;
  if (['tidak', 'no', 'false', '0'].includes(v)) return false;
  return v === '' ? undefined : value;
}

/** An empty form field means "not answered". */
export const blankToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** "<field>.required" when nothing was sent, "<field>.invalid" when something of the wrong kind was. */
export const required = (field: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? `${field}.required` : `${field}.invalid`) });

/**
 * Characters that reorder or hide text: C0 and C1 controls (NUL included) other than the line breaks
 * and tabs a textarea sends, DEL, and the Unicode marks, embeddings, overrides and isolates that change
 * the order text is shown in (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). They can make
 * a record read differently on the officers' console from what was stored.
 */
export const HIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * What the officers' console must never be handed in a one-line field such as a name or an address:
 * markup brackets and every control character (line breaks included), with the marks above.
 */
export const UNSAFE_TEXT = /[<>\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * A textarea sends its line breaks as CRLF (a pasted address may hold tabs too). For a one-line field
 * they become single spaces before the value is checked and stored.
 */
export const oneLine = (value: string): string => value.replace(/\s*[\r\n\t\u2028\u2029]\s*/gu, ' ');

/** A textarea's CRLF and lone CR become LF, so lengths and text are the same from every browser. */
export const unixLines = (value: string): string => value.replace(/\r\n?/g, '\n');

/**
 * The first error of each known field, from a schema's issues, in `fields` order. Issues on other
 * paths are ignored (they belong to no field the person can fix).
 */
export function firstErrors<F extends string>(fields: readonly F[], issues: readonly { path: readonly PropertyKey[]; message: string }[]): Partial<Record<F, FieldError>> {
  const errors: Partial<Record<F, FieldError>> = {};
  for (const issue of issues) {
    const field = issue.path[0] as F | undefined;
    if (field !== undefined && fields.includes(field) && !errors[field]) errors[field] = { code: issue.message };
  }
  return errors;
}
