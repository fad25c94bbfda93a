/**
 * A tipster's receipt, shown once: 19 random characters (95 bits, above the 80 the privacy model
 * asks for) and 1 check character, written in five groups of four, "7K3M-9QX1-…". It carries no
 * prefix on purpose: a receipt found on a phone or a scrap of paper must not say that its owner
 * reported someone. Only a keyed hash of it is ever stored.
 */
import { checkCode, type RandomSource } from './check-code.ts';

const receipt = checkCode({ payloadLength: 19 });

/** The bits of randomness in a receipt. */
export const RECEIPT_BITS = receipt.bits;

export function generateReceipt(random?: RandomSource): string {
  return receipt.generate(random);
}

/** The canonical "XXXX-XXXX-XXXX-XXXX-XXXX" for a receipt as a person typed it, or undefined (see check-code.ts). */
export function normalizeReceipt(input: string): string | undefined {
  return receipt.normalize(input);
}
