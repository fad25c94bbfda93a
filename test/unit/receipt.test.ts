import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CODE_ALPHABET, checkCharacter } from '../../src/lib/check-code.ts';
import { generateReceipt, normalizeReceipt, RECEIPT_BITS } from '../../src/lib/receipt.ts';

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/;

describe('tip receipts', () => {
  it('carry at least 80 bits of randomness, in five groups of four with no prefix', () => {
    expect(RECEIPT_BITS).toBeGreaterThanOrEqual(80);
    const receipt = generateReceipt();
    expect(receipt).toMatch(FORMAT);
    expect(normalizeReceipt(receipt)).toBe(receipt);
  });

  it('end with the Luhn mod 32 check character of the other 19', () => {
    const receipt = generateReceipt().replaceAll('-', '');
    expect(receipt.at(-1)).toBe(checkCharacter(receipt.slice(0, -1)));
  });

  it('take every character of the alphabet in every place, from a uniform source (no modulo bias)', () => {
    const seen = Array.from({ length: 19 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      const payload = generateReceipt().replaceAll('-', '').slice(0, 19);
      for (let p = 0; p < 19; p++) seen[p]!.add(payload[p]!);
    }
    for (const place of seen) expect(place.size).toBe(32);
    // The source decides: all-zero bytes give the all-zero receipt, all-31 bytes the all-Z payload.
    expect(generateReceipt((b) => b.fill(0))).toBe('0000-0000-0000-0000-0000');
    expect(generateReceipt((b) => b.fill(255)).slice(0, 23)).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ');
  });

  it('are read back as people type them', () => {
    const receipt = generateReceipt((b) => b.fill(0));
    for (const typed of ['0000 0000 0000 0000 0000', 'oooo-oooo-oooo-oooo-oooo', '00000000000000000000', '0000–0000–0000–0000–0000']) {
      expect(normalizeReceipt(typed), typed).toBe(receipt);
    }
  });

  it('refuse a wrong length, a foreign character, and any single mistyped character', () => {
    const receipt = generateReceipt();
    expect(normalizeReceipt(receipt.slice(0, -1))).toBeUndefined();
    expect(normalizeReceipt(`${receipt}0`)).toBeUndefined();
    expect(normalizeReceipt(receipt.replace(/.$/, 'U'))).toBeUndefined();
    // A registration code is not a receipt.
    expect(normalizeReceipt('LPG-7K3M-9QX1')).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 1, max: 31 }), (place, shift) => {
        const chars = receipt.replaceAll('-', '').split('');
        chars[place] = CODE_ALPHABET[(CODE_ALPHABET.indexOf(chars[place]!) + shift) % 32]!;
        return normalizeReceipt(chars.join('')) === undefined;
      }),
      { numRuns: 2000 },
    );
  });
});
