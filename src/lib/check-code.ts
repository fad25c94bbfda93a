/**
 * Codes people copy by hand: random characters from Crockford's base-32 alphabet plus one Luhn
 * mod 32 check character, in groups of four. Officers read them aloud and people copy them from a
 * screen or paper, so the alphabet leaves out I, L, O and U, input forgives case, spacing and the
 * look-alike letters, and the check character catches typing mistakes before any lookup. Used by
 * pre-registration codes (registration-code.ts) and tip receipts (receipt.ts).
 */

/** Crockford's base-32 alphabet: digits and capitals without I, L, O, U. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const N = CODE_ALPHABET.length;

function codePoint(character: string): number {
  const index = CODE_ALPHABET.indexOf(character);
  if (index < 0 || character.length !== 1) throw new RangeError(`Not a code character: ${JSON.stringify(character)}`);
  return index;
}

/**
 * Sum for the Luhn mod N algorithm: from the rightmost character leftwards, every second value is
 * doubled and its two base-N digits added. Doubling is a permutation of 0..N-1 for even N, which is
 * why every single-character substitution changes the sum.
 */
function luhnSum(characters: string, doubleRightmost: boolean): number {
  let sum = 0;
  let double = doubleRightmost;
  for (let i = characters.length - 1; i >= 0; i--) {
    let addend = codePoint(characters[i] as string);
    if (double) {
      addend *= 2;
      addend = Math.floor(addend / N) + (addend % N);
    }
    sum += addend;
    double = !double;
  }
  return sum % N;
}

/**
 * The Luhn mod 32 check character for a payload of canonical alphabet characters.
 * Throws a RangeError for any other character.
 */
export function checkCharacter(payload: string): string {
  // The check character will sit to the right, so the payload's rightmost character is doubled.
  const remainder = luhnSum(payload, true);
  return CODE_ALPHABET[(N - remainder) % N] as string;
}

/** Fills the array it is given, as crypto.getRandomValues does; tests pass their own. */
// Uint8Array<ArrayBuffer>, because Web Crypto refuses views of a SharedArrayBuffer.
export type RandomSource = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;

const cryptoRandom: RandomSource = (b) => globalThis.crypto.getRandomValues(b);

export interface CheckCodeFormat {
  /** Random characters (5 bits each) before the check character. */
  payloadLength: number;
  /** Written before the groups ("LPG"); none for a code that must not say what it is. */
  prefix?: string;
}

export interface CheckCode {
  /** A new code in its written form. */
  generate(random?: RandomSource): string;
  /**
   * Reads a code as a person types it: any case, spaces or dashes anywhere, with or without the
   * prefix, and O, I, L read as 0, 1, 1. Returns the canonical written form, or undefined when the
   * length is wrong, a character is not in the alphabet, or the check character does not match.
   */
  normalize(input: string): string | undefined;
  /** The bits of randomness in a code. */
  bits: number;
}

export function checkCode(format: CheckCodeFormat): CheckCode {
  const { payloadLength, prefix } = format;
  const written = (characters: string) => {
    const groups = characters.match(/.{1,4}/g) ?? [];
    return [...(prefix ? [prefix] : []), ...groups].join('-');
  };
  return {
    bits: payloadLength * 5,
    generate(random = cryptoRandom) {
      const bytes = random(new Uint8Array(payloadLength));
      let payload = '';
      // 32 divides 256, so the low 5 bits of a uniform byte are uniform: no modulo bias.
      for (let i = 0; i < payloadLength; i++) payload += CODE_ALPHABET[(bytes[i] ?? 0) & 31];
      return written(payload + checkCharacter(payload));
    },
    normalize(input) {
      // Unicode dashes too: phone keyboards turn "--" into an en or em dash.
      let text = input.toUpperCase().replace(/[\s\-\u2010-\u2015\u2212]/g, '');
      // Strip the prefix before mapping look-alikes, or its L would become a 1.
      if (prefix && text.length === prefix.length + payloadLength + 1 && text.startsWith(prefix)) text = text.slice(prefix.length);
      if (text.length !== payloadLength + 1) return undefined;
      text = text.replace(/O/g, '0').replace(/[IL]/g, '1');
      for (const character of text) if (!CODE_ALPHABET.includes(character)) return undefined;
      // Including the check character, a valid code sums to 0 mod N.
      if (luhnSum(text, false) !== 0) return undefined;
      return written(text);
    },
  };
}
