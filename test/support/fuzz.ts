/**
 * What the property-based tests of the handlers share: arbitrary values to put under a form's field
 * names (any Unicode, numbers, booleans, null, arrays, nested objects, huge strings, and values that
 * look right for some field), how a form spells a value that is not a string, and the check every
 * answer must pass whatever arrived.
 */
import { expect } from 'vitest';
import fc from 'fast-check';

export interface FuzzValueOptions {
  /** Values that look right for some field, so the rules past the first checks run too. */
  plausible: fc.Arbitrary<string>;
  /** Weight of `plausible` among texts (any Unicode weighs 4, binary strings 2, huge strings 1). */
  plausibleWeight: number;
  /** The characters a huge string repeats (1,000 times at least, `hugeMaxLength` at most). */
  hugeCharacters: readonly string[];
  hugeMaxLength: number;
  /** Weight of texts among scalars (an integer, a double, a boolean and null weigh 1 each). */
  textWeight: number;
  /** Names the keys of nested objects are drawn from, besides random ones. */
  fieldNames: readonly string[];
}

/** `text`: a string of any kind; `value`: a scalar, or (now and then) an array or object of values. */
export function fuzzValues(o: FuzzValueOptions): { text: fc.Arbitrary<string>; value: fc.Arbitrary<unknown> } {
  const huge = fc.tuple(fc.constantFrom(...o.hugeCharacters), fc.integer({ min: 1_000, max: o.hugeMaxLength })).map(([c, n]) => c.repeat(n));
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: o.plausibleWeight, arbitrary: o.plausible },
    { weight: 1, arbitrary: huge },
  );
  const scalar = fc.oneof(
    { weight: o.textWeight, arbitrary: text },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 8, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...o.fieldNames)), tie('value'), { maxKeys: 3 }) },
    ),
  }));
  return { text, value };
}

/** A generated request: `data` sent as `encoding` (or, raw, the bytes `raw` under `rawType`), with or without Accept and Accept-Language. */
export interface FuzzRequestOf<Encoding extends string> {
  data: Record<string, unknown>;
  encoding: Encoding;
  rawType: string;
  raw: Uint8Array;
  accept: string | undefined;
  acceptLanguage: string | undefined;
}

/** A value as a form field carries it: strings as they are, booleans as "ya"/"tidak", anything else as JSON. */
export const formString = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'ya' : 'tidak') : (JSON.stringify(v) ?? ''));

/**
 * Never a 5xx nor a status outside `allowed`; never cached; a JSON body parses; any other body is an
 * HTML page (starting with one of `doctypes`) in which no markup from the request is left unescaped.
 * `text` is the answer's body, already read.
 */
export function expectSafeAnswerText(response: Response, text: string, allowed: readonly number[], { doctypes }: { doctypes: readonly string[] }): void {
  expect(response.status, text.slice(0, 200)).toBeLessThan(500);
  expect(allowed).toContain(response.status);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const type = response.headers.get('content-type');
  if (type === 'application/json; charset=utf-8') {
    expect(() => JSON.parse(text)).not.toThrow();
  } else {
    expect(type).toBe('text/html; charset=utf-8');
    expect(doctypes.some((doctype) => text.startsWith(doctype))).toBe(true);
    expect(text).not.toMatch(/<script>alert|<img src=x/);
  }
}
