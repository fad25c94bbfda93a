/**
 * The tip schema on its own (the browser and the function both run it): each field's rule, the
 * rules across fields, what is dropped (contact details of an anonymous reporter), the evidence
 * limits, and that every code the schema can give has a sentence in both languages.
 */
import { describe, expect, it } from 'vitest';
import { evidenceProblem, parseTip, TIP_FIELDS, type TipContext } from '../../src/schemas/forms/tip.ts';
import { TIP_ERROR_CODES, tipErrorMessage } from '../../src/i18n/tip.ts';

const ctx: TipContext = { today: '2026-11-29', regencyCodes: new Set(['1801', '1804']), destinationSlugs: new Set(['malaysia']) };
const valid = { category: 'calo', what: 'Calo meminta uang untuk berangkat.', childInvolved: 'tidak', consent: 'ya' };
const codes = (input: Record<string, unknown>) => {
  const result = parseTip(input, ctx);
  return result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, v!.code]));
};

describe('parseTip', () => {
  it('accepts the smallest valid report and makes the reporter anonymous by default', () => {
    const result = parseTip(valid, ctx);
    expect(result).toEqual({ ok: true, data: expect.objectContaining({ category: 'calo', childInvolved: 'tidak', contactWanted: false }) });
    expect(result.ok && 'contact' in result.data).toBe(false);
  });

  it('names every missing required field', () => {
    expect(codes({})).toEqual({ category: 'category.required', what: 'what.required', childInvolved: 'childInvolved.required', consent: 'consent.required' });
    expect(codes({ ...valid, what: '   ' })).toEqual({ what: 'what.required' });
  });

  it('checks lengths and hidden characters, keeping line breaks in the story', () => {
    expect(codes({ ...valid, what: 'pendek' })).toEqual({ what: 'what.tooShort' });
    expect(codes({ ...valid, what: 'a'.repeat(5001) })).toEqual({ what: 'what.tooLong' });
    expect(codes({ ...valid, what: 'Calo \u202Enamanya terbalik' })).toEqual({ what: 'what.chars' });
    const lines = parseTip({ ...valid, what: 'Baris satu\r\nBaris dua\rBaris tiga' }, ctx);
    expect(lines.ok && lines.data.what).toBe('Baris satu\nBaris dua\nBaris tiga');
    const place = parseTip({ ...valid, placeDetail: 'Desa\r\nSukadana' }, ctx);
    expect(place.ok && place.data.placeDetail).toBe('Desa Sukadana');
    expect(codes({ ...valid, who: 'x'.repeat(501) })).toEqual({ who: 'who.tooLong' });
  });

  it('knows the places, countries and ranges', () => {
    expect(codes({ ...valid, place: '1804' })).toEqual({});
    expect(codes({ ...valid, place: 'luar-negeri' })).toEqual({});
    expect(codes({ ...valid, place: '3171' })).toEqual({ place: 'place.invalid' });
    expect(codes({ ...valid, destination: 'malaysia' })).toEqual({});
    expect(codes({ ...valid, destination: 'tidak-tahu' })).toEqual({});
    expect(codes({ ...valid, destination: 'atlantis' })).toEqual({ destination: 'destination.invalid' });
    expect(codes({ ...valid, howMany: '6-20' })).toEqual({});
    expect(codes({ ...valid, howMany: '7' })).toEqual({ howMany: 'howMany.invalid' });
    expect(codes({ ...valid, category: 'korupsi' })).toEqual({ category: 'category.invalid' });
  });

  it('takes month and year, never in the future, and a month only with its year', () => {
    expect(codes({ ...valid, whenMonth: '11', whenYear: '2026' })).toEqual({});
    expect(codes({ ...valid, whenMonth: '12', whenYear: '2026' })).toEqual({ whenMonth: 'whenMonth.future' });
    expect(codes({ ...valid, whenYear: '2027' })).toEqual({ whenYear: 'whenYear.future' });
    expect(codes({ ...valid, whenMonth: '5' })).toEqual({ whenYear: 'whenYear.required' });
    expect(codes({ ...valid, whenYear: '2011' })).toEqual({});
    expect(codes({ ...valid, whenYear: '2010' })).toEqual({ whenYear: 'whenYear.invalid' });
    expect(codes({ ...valid, whenYear: '211' })).toEqual({ whenYear: 'whenYear.invalid' });
    expect(codes({ ...valid, whenYear: 'sebelumnya' })).toEqual({});
    expect(codes({ ...valid, whenMonth: '13', whenYear: '2025' })).toEqual({ whenMonth: 'whenMonth.invalid' });
  });

  it('keeps contact details only when the reporter asks to be contacted', () => {
    expect(codes({ ...valid, contactWanted: 'ya' })).toEqual({ contact: 'contact.required' });
    const wanted = parseTip({ ...valid, contactWanted: 'ya', contact: '0812 3456 7890' }, ctx);
    expect(wanted.ok && wanted.data.contact).toBe('0812 3456 7890');
    const anonymous = parseTip({ ...valid, contactWanted: 'tidak', contact: '0812 3456 7890' }, ctx);
    expect(anonymous.ok && anonymous.data).not.toHaveProperty('contact');
    // What an anonymous reporter left in the field is neither judged nor kept.
    expect(codes({ ...valid, contactWanted: 'tidak', contact: '0812' })).toEqual({});
    expect(codes({ ...valid, contactWanted: 'ya', contact: '0812' })).toEqual({ contact: 'contact.tooShort' });
  });

  it('never throws on input of the wrong kind', () => {
    for (const input of [null, 42, 'text', [], { what: 5, category: {}, consent: [] }]) expect(() => parseTip(input, ctx)).not.toThrow();
  });
});

describe('evidenceProblem', () => {
  const file = (size: number, type = 'image/jpeg') => ({ name: 'x', type, size });
  it('allows three files up to 4 MB together, images or PDF', () => {
    expect(evidenceProblem([file(1_000_000), file(1_000_000, 'application/pdf'), file(2_000_000, 'image/png')])).toBeUndefined();
    expect(evidenceProblem([file(1), file(1), file(1), file(1)])?.code).toBe('files.tooMany');
    expect(evidenceProblem([file(3_000_000), file(1_200_000)])?.code).toBe('files.tooLarge');
    expect(evidenceProblem([file(10, 'application/x-msdownload')])?.code).toBe('files.type');
    expect(evidenceProblem([file(0)])?.code).toBe('files.empty');
  });
});

describe('messages', () => {
  it('has a sentence for every code in both languages', () => {
    expect(TIP_ERROR_CODES.en.sort()).toEqual(TIP_ERROR_CODES.id.sort());
    const produced = new Set<string>();
    const inputs: Record<string, unknown>[] = [
      {}, { what: 'x' }, { what: 'a'.repeat(5001) }, { what: '\u202E'.repeat(20) }, { place: 'zz' }, { placeDetail: 'a'.repeat(201) }, { placeDetail: '\u202Ex' },
      { whenMonth: '13' }, { whenYear: 'x' }, { whenYear: '2027' }, { whenMonth: '12', whenYear: '2026' }, { whenMonth: '1' }, { who: 'a'.repeat(501) }, { who: '\u202E' },
      { howMany: 'x' }, { destination: 'x' }, { category: 'x' }, { childInvolved: 'x' }, { contactWanted: 'x' }, { contactWanted: 'ya' }, { contactWanted: 'ya', contact: 'abc' },
      { contactWanted: 'ya', contact: 'a'.repeat(201) }, { contactWanted: 'ya', contact: 'abcdef\u202E' },
    ];
    for (const input of inputs) {
      const result = parseTip({ ...valid, ...input }, ctx);
      if (!result.ok) for (const error of Object.values(result.errors)) produced.add(error!.code);
    }
    for (const code of produced) {
      expect(TIP_ERROR_CODES.id, code).toContain(code);
      expect(tipErrorMessage('en', code)).not.toBe('Check this answer');
    }
    expect(produced.size).toBeGreaterThan(20);
    expect(TIP_FIELDS[0]).toBe('category');
  });
});
