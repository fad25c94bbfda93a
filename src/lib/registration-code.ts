/**
 * Pre-registration codes such as `LPG-7K3M-9QX1`: 7 random characters and 1 check character from
 * Crockford's base-32 alphabet. Officers read them aloud and applicants copy them by hand from a
 * screen or paper, so the alphabet leaves out I, L, O and U, input forgives case, spacing and the
 * look-alike letters, and the check character catches typing mistakes before any lookup.
 */

/** Crockford's base-32 alphabet: digits and capitals without I, L, O, U. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const N = CODE_ALPHABET.length;
const PREFIX = 'LPG';
const PAYLOAD_LENGTH = 7;

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

function format(characters: string): string {
  return `${PREFIX}-${characters.slice(0, 4)}-${characters.slice(4, 8)}`;
}

/**
 * A new code: 7 random characters (35 bits) plus the check character. `random` fills the array it is
 * given, as crypto.getRandomValues does; tests pass their own.
 */
export function generateCode(
  // Uint8Array<ArrayBuffer>, because Web Crypto refuses views of a SharedArrayBuffer.
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(PAYLOAD_LENGTH));
  let payload = '';
  // 32 divides 256, so the low 5 bits of a uniform byte are uniform: no modulo bias.
  for (let i = 0; i < PAYLOAD_LENGTH; i++) payload += CODE_ALPHABET[(bytes[i] ?? 0) & 31];
  return format(payload + checkCharacter(payload));
}

/**
 * Reads a code as a person types it: any case, spaces or dashes anywhere, with or without "LPG",
 * and O, I, L read as 0, 1, 1. Returns the canonical "LPG-XXXX-XXXX", or undefined when the length
 * is wrong, a character is not in the alphabet, or the check character does not match.
 */
export function normalizeCode(input: string): string | undefined {
  // Unicode dashes too: phone keyboards turn "--" into an en or em dash.
  let text = input.toUpperCase().replace(/[\s\-\u2010-\u2015\u2212]/g, '');
  // Strip the prefix before mapping look-alikes, or its L would become a 1.
  if (text.length === PREFIX.length + PAYLOAD_LENGTH + 1 && text.startsWith(PREFIX)) text = text.slice(PREFIX.length);
  if (text.length !== PAYLOAD_LENGTH + 1) return undefined;
  text = text.replace(/O/g, '0').replace(/[IL]/g, '1');
  for (const character of text) if (!CODE_ALPHABET.includes(character)) return undefined;
  // Including the check character, a valid code sums to 0 mod N.
  if (luhnSum(text, false) !== 0) return undefined;
  return format(text);
}
