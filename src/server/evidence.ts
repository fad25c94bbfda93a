/**
 * Evidence files sent without JavaScript: the type is read from the bytes (never the name or the
 * declared type), and every image is decoded and encoded again with sharp, which writes none of the
 * original's metadata (EXIF with GPS position, camera and phone model, times; XMP; IPTC; comments)
 * unless asked to. Orientation is applied first, so the picture still stands the right way up.
 * A PDF is kept as sent: the page warns that its author and device fields may identify the reporter.
 *
 * With JavaScript the page does the same in the browser before sealing (src/scripts/tip.ts).
 */
import sharp from 'sharp';

export type EvidenceType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export interface CleanEvidence {
  type: EvidenceType;
  bytes: Uint8Array;
}

/** A file that is not what it claims, or that cannot be read: the reporter gets a plain 422. */
export class UnreadableEvidence extends Error {
  constructor() {
    super('unreadable evidence');
    this.name = 'UnreadableEvidence';
  }
}

/** The type the bytes themselves say (magic numbers), or undefined. */
export function sniffType(bytes: Uint8Array): EvidenceType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return undefined;
}

/** 40 megapixels: more than any phone camera, far less than a decompression bomb needs. */
const MAX_PIXELS = 40_000_000;

export async function cleanEvidence(bytes: Uint8Array): Promise<CleanEvidence> {
  const type = sniffType(bytes);
  if (!type) throw new UnreadableEvidence();
  if (type === 'application/pdf') return { type, bytes };
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    const encoded = type === 'image/jpeg' ? image.jpeg({ quality: 85 }) : type === 'image/png' ? image.png() : image.webp({ quality: 85 });
    return { type, bytes: new Uint8Array(await encoded.toBuffer()) };
  } catch {
    throw new UnreadableEvidence();
  }
}
