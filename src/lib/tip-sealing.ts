/**
 * What a tip's boxes hold, sealed and opened the same way in the reporter's browser, in the functions
 * (reports sent without JavaScript) and, later, in the officers' console. Built on sealing.ts.
 *
 * Sizes are padded before sealing (text to 1 KiB, files to 64 KiB), so a stored box says little
 * about how long a report is or how big a photo was: the store alone reveals counts, not contents.
 * Evidence files are renamed "bukti-1.jpg": a phone's file name often holds the exact time.
 */
import { openBytes, openJson, sealBytes, type OpeningKey, type SealedBox, type SealRecipient } from './sealing.ts';
import type { TipStatus } from './tip-facts.ts';
import type { TipReport } from '../schemas/forms/tip.ts';
import { FILE_PAD_BLOCK, TEXT_PAD_BLOCK } from '../schemas/forms/tip.ts';

/** An evidence file as the sealed report describes it. */
export interface EvidenceMeta {
  /** "bukti-1.jpg": never the name the file had on the phone. */
  name: string;
  type: string;
  /** The file's real size in bytes (the sealed box is padded). */
  size: number;
}

/** The sealed content of a report. */
export interface SealedReportContent extends TipReport {
  files: EvidenceMeta[];
}

/** The sealed content of a follow-up from the reporter. */
export interface FollowUpContent {
  message: string;
  files: EvidenceMeta[];
}

/** The sealed content of an officer's entry: a message to the reporter, a status change, or both. */
export interface OfficerEntryContent {
  text?: string;
  status?: TipStatus;
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/** The neutral name an evidence file is kept under. */
export const evidenceName = (index: number, type: string) => `bukti-${index + 1}.${EXTENSIONS[type] ?? 'bin'}`;

/** JSON padded with spaces to a whole number of blocks (JSON ignores the trailing whitespace). */
function padded(value: unknown): string {
  const text = JSON.stringify(value);
  const length = new TextEncoder().encode(text).length;
  return text + ' '.repeat((TEXT_PAD_BLOCK - (length % TEXT_PAD_BLOCK)) % TEXT_PAD_BLOCK);
}

function padBytes(bytes: Uint8Array): Uint8Array {
  const size = Math.max(FILE_PAD_BLOCK, Math.ceil(bytes.length / FILE_PAD_BLOCK) * FILE_PAD_BLOCK);
  const out = new Uint8Array(size);
  out.set(bytes);
  return out;
}

const sealPadded = (value: unknown, recipients: readonly SealRecipient[], purpose: 'tip-report' | 'tip-follow-up' | 'tip-officer-message', sealId: string) =>
  sealBytes(new TextEncoder().encode(padded(value)), recipients, purpose, sealId);

export const sealReport = (content: SealedReportContent, officers: readonly SealRecipient[], sealId: string): Promise<SealedBox> =>
  sealPadded(content, officers, 'tip-report', sealId);

export const sealFollowUp = (content: FollowUpContent, officers: readonly SealRecipient[], sealId: string): Promise<SealedBox> =>
  sealPadded(content, officers, 'tip-follow-up', sealId);

export const sealEvidence = (bytes: Uint8Array, officers: readonly SealRecipient[], sealId: string): Promise<SealedBox> =>
  sealBytes(padBytes(bytes), officers, 'tip-file', sealId);

/** An officer's message or status change, sealed to the receipt holder as well as to the officers. */
export const sealOfficerEntry = (content: OfficerEntryContent, reporterPublicKey: Uint8Array, officers: readonly SealRecipient[], sealId: string): Promise<SealedBox> =>
  sealPadded(content, [{ id: 'reporter', publicKey: reporterPublicKey }, ...officers], 'tip-officer-message', sealId);

export const openReport = async (box: SealedBox, opener: OpeningKey, sealId: string) => (await openJson(box, opener, 'tip-report', sealId)) as SealedReportContent;
export const openFollowUp = async (box: SealedBox, opener: OpeningKey, sealId: string) => (await openJson(box, opener, 'tip-follow-up', sealId)) as FollowUpContent;
export const openOfficerEntry = async (box: SealedBox, opener: OpeningKey, sealId: string) => (await openJson(box, opener, 'tip-officer-message', sealId)) as OfficerEntryContent;

/** An evidence file's bytes, without the padding. */
export async function openEvidence(box: SealedBox, opener: OpeningKey, sealId: string, meta: EvidenceMeta): Promise<Uint8Array> {
  return (await openBytes(box, opener, 'tip-file', sealId)).subarray(0, meta.size);
}
