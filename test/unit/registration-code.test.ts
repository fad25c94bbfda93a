import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, checkCharacter, generateCode, normalizeCode } from '../../src/lib/registration-code.ts';

// Worked by hand with Luhn mod 32. Payload 7K3M9QX has code points 7 19 3 20 9 23 29. From the right,
// X, 9, 3 and 7 are doubled and their base-32 digits added: 29→58→1+26=27, 9→18, 3→6, 7→14; Q, M and K
// stay 23, 20, 19. Sum 27+23+18+20+6+19+14 = 127 ≡ 31 (mod 32); check = (32 − 31) mod 32 = 1 → "1".
const VALID = 'LPG-7K3M-9QX1';

describe('CODE_ALPHABET', () => {
  it("is Crockford's base 32: 32 distinct characters without I, L, O or U", () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });
});

describe('checkCharacter', () => {
  it('matches vectors worked by hand', () => {
    expect(checkCharacter('7K3M9QX')).toBe('1');
    expect(checkCharacter('0000000')).toBe('0');
    // Z = 31: doubled gives 62 → 1+30 = 31, so the sum is 7 × 31 = 217 ≡ 25; check 32 − 25 = 7.
    expect(checkCharacter('ZZZZZZZ')).toBe('7');
    // A lone doubled 1 sums to 2; check 30 → "Y".
    expect(checkCharacter('0000001')).toBe('Y');
    // The same 1 one place further left is not doubled: sum 1, check 31 → "Z".
    expect(checkCharacter('0000010')).toBe('Z');
  });

  it('refuses characters outside the canonical alphabet', () => {
    expect(() => checkCharacter('7K3M9QO')).toThrow(RangeError);
    expect(() => checkCharacter('7k3m9qx')).toThrow(RangeError);
  });
});

describe('normalizeCode', () => {
  it('accepts the canonical form', () => {
    expect(normalizeCode(VALID)).toBe(VALID);
    expect(normalizeCode('LPG-0000-0000')).toBe('LPG-0000-0000');
    expect(normalizeCode('LPG-ZZZZ-ZZZ7')).toBe('LPG-ZZZZ-ZZZ7');
  });

  it('accepts what a person types: any case, spacing, dashes, with or without the prefix', () => {
    for (const input of [
      'lpg-7k3m-9qx1',
      'LPG7K3M9QX1',
      '7K3M9QX1',
      '7k3m 9qx1',
      ' 7K3M-9QX1 ',
      'L P G 7 K 3 M 9 Q X 1',
      'lpg--7k3m--9qx1',
      'LPG – 7K3M – 9QX1', // an en dash from a phone keyboard
      '7K3M\t9QX1',
    ]) {
      expect(normalizeCode(input), input).toBe(VALID);
    }
  });

  it('reads O as 0 and I or L as 1, also in a code without the prefix', () => {
    expect(normalizeCode('LPG-7K3M-9QXI')).toBe(VALID);
    expect(normalizeCode('LPG-7K3M-9QXL')).toBe(VALID);
    expect(normalizeCode('7k3m9qxl')).toBe(VALID);
    expect(normalizeCode('LPG-OOOO-OOOO')).toBe('LPG-0000-0000');
    expect(normalizeCode('oooooooo')).toBe('LPG-0000-0000');
    // "0L" and "I" in the second group read as 0, 1, 1.
    const check = checkCharacter('0000011');
    expect(normalizeCode(`lpg 0000 0li${check}`)).toBe(`LPG-0000-011${check}`);
  });

  it('rejects the wrong length', () => {
    expect(normalizeCode('')).toBeUndefined();
    expect(normalizeCode('LPG-')).toBeUndefined();
    expect(normalizeCode('LPG-7K3M-9QX')).toBeUndefined();
    expect(normalizeCode('LPG-7K3M-9QX11')).toBeUndefined();
    expect(normalizeCode('7K3M9QX')).toBeUndefined();
    expect(normalizeCode('LPGLPG-7K3M-9QX1')).toBeUndefined();
  });

  it('rejects a prefix other than LPG', () => {
    expect(normalizeCode('ABC-7K3M-9QX1')).toBeUndefined();
    expect(normalizeCode('1PG-7K3M-9QX1')).toBeUndefined();
  });

  it('rejects characters outside the alphabet', () => {
    expect(normalizeCode('LPG-7K3M-9QU1')).toBeUndefined();
    expect(normalizeCode('LPG-7K3M-9Q*1')).toBeUndefined();
    expect(normalizeCode('LPG-7K3M_9QX1')).toBeUndefined();
    expect(normalizeCode('LPG-7K3M-9QXÉ')).toBeUndefined();
  });

  it('rejects a wrong check character, including the one in the design example', () => {
    expect(normalizeCode('LPG-7K3M-9QX2')).toBeUndefined();
    expect(normalizeCode('LPG-7K3M-9QX0')).toBeUndefined();
  });

  it('rejects every single-character substitution of a valid code', () => {
    const codes = [VALID, 'LPG-0000-0000', 'LPG-ZZZZ-ZZZ7', generateCode(), generateCode()];
    let tried = 0;
    for (const code of codes) {
      const characters = code.replace(/-/g, '').slice(3);
      for (let position = 0; position < characters.length; position++) {
        for (const replacement of CODE_ALPHABET) {
          if (replacement === characters[position]) continue;
          const changed = characters.slice(0, position) + replacement + characters.slice(position + 1);
          expect(normalizeCode(changed), `${code} → ${changed}`).toBeUndefined();
          tried++;
        }
      }
    }
    expect(tried).toBe(codes.length * 8 * 31);
  });

  it('rejects every swap of adjacent different characters except 0 with Z, the one pair Luhn mod 32 misses', () => {
    // Doubling (with digits added) maps x to f(x) = 2x below 16 and 2x − 31 from 16 up. Swapping a and
    // b goes unseen only when f(a) − a ≡ f(b) − b (mod 32), which for a ≠ b holds only for 0 and Z (31).
    const base = 'K3M9QX7';
    let swaps = 0;
    for (let i = 0; i < 7; i++) {
      for (const a of CODE_ALPHABET) {
        // Positions i and i + 1 of the 8 characters; at i = 6 the second is the check character.
        const seconds = i < 6 ? [...CODE_ALPHABET] : [undefined];
        for (const second of seconds) {
          const payload = i < 6 ? base.slice(0, i) + a + second + base.slice(i + 2) : base.slice(0, 6) + a;
          const characters = payload + checkCharacter(payload);
          const b = characters[i + 1] as string;
          if (a === b) continue;
          const swapped = characters.slice(0, i) + b + a + characters.slice(i + 2);
          const zeroZ = (a === '0' && b === 'Z') || (a === 'Z' && b === '0');
          expect(normalizeCode(swapped) !== undefined, `${characters} → ${swapped}`).toBe(zeroZ);
          swaps++;
        }
      }
    }
    // All 32 × 31 ordered pairs at the six payload pairs, plus the last payload character with the check.
    expect(swaps).toBeGreaterThan(6 * 32 * 31);
  });
});

describe('generateCode', () => {
  it('takes 7 bytes from the random source and keeps their low 5 bits', () => {
    const requested: number[] = [];
    const code = generateCode((bytes) => {
      requested.push(bytes.length);
      bytes.set([0x07, 0x13, 0x23, 0x14, 0xe9, 0x17, 0xfd]); // 7, 19, 3, 20, 9, 23, 29 after & 31
      return bytes;
    });
    expect(requested).toEqual([7]);
    expect(code).toBe(VALID);
    expect(generateCode((bytes) => bytes.fill(0xff))).toBe('LPG-ZZZZ-ZZZ7');
    expect(generateCode((bytes) => bytes.fill(0x20))).toBe('LPG-0000-0000');
  });

  it('always produces a code in the canonical form that normalizes to itself', () => {
    for (let i = 0; i < 1000; i++) {
      const code = generateCode();
      expect(code).toMatch(/^LPG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(normalizeCode(code)).toBe(code);
    }
  });

  it('gives 10,000 distinct codes that use every character at every position', () => {
    const codes = Array.from({ length: 10_000 }, () => generateCode());
    // 35 random bits: the chance of one collision among 10,000 codes is about 0.15 %, of two about
    // one in a million. Allowing one keeps the test from failing by chance while a generator that
    // ignored its randomness or reused its buffer would still fail by thousands.
    expect(new Set(codes).size).toBeGreaterThanOrEqual(9_999);
    for (let position = 0; position < 8; position++) {
      const seen = new Set(codes.map((code) => code.replace(/-/g, '').slice(3)[position]));
      // Each character is expected ~312 times per position; missing one by chance is ~e^-317.
      expect(seen.size, `position ${position}`).toBe(32);
    }
  });
});
