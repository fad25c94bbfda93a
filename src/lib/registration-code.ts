/**
 * Pre-registration codes such as `LPG-7K3M-9QX1`: 7 random characters (35 bits) and 1 check
 * character (check-code.ts). The "LPG" prefix tells an officer what the code is; 35 bits is enough
 * because a code alone reveals nothing: the status check also needs the birth date, and locks.
 */
import { checkCode, type RandomSource } from './check-code.ts';

export { CODE_ALPHABET, checkCharacter } from './check-code.ts';

const registrationCode = checkCode({ prefix: 'LPG', payloadLength: 7 });

/** A new code: 7 random characters plus the check character. */
export function generateCode(random?: RandomSource): string {
  return registrationCode.generate(random);
}

/** The canonical "LPG-XXXX-XXXX" for a code as a person typed it, or undefined (see check-code.ts). */
export function normalizeCode(input: string): string | undefined {
  return registrationCode.normalize(input);
}
