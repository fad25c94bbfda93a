/**
 * What the three tip endpoints share: the body limit, the reporting frame, the service, the receipt
 * field, evidence handling for posts without JavaScript, and the answers for faults and locks.
 */
import { formData } from '../../generated/form-data.ts';
import type { Lang } from '../../i18n/index.ts';
import { tipErrorMessage, tipText } from '../../i18n/tip.ts';
import { jakartaToday } from '../../lib/office-days.ts';
import { normalizeReceipt } from '../../lib/receipt.ts';
import { evidenceProblem, ReceiptQuerySchema, type TipContext } from '../../schemas/forms/tip.ts';
import type { FieldError } from '../../schemas/forms/field-rules.ts';
import { loadConfig } from '../config.ts';
import { cleanEvidence, UnreadableEvidence } from '../evidence.ts';
import { htmlPage, json, retryAfterSeconds, type FunctionContext, type UploadedFile } from '../http.ts';
import { formatJakartaTime } from '../../lib/dates.ts';
import { fillShell, pageShell } from '../shell.ts';
import { deployContextOf } from '../storage.ts';
import { TipService, type CleanFile } from '../tip-service.ts';
import { serverClock } from '../clock.ts';

/**
 * What a tip request may weigh: Netlify buffers at most 6 MB. Evidence is limited to 4 MB in all,
 * which base64 (Netlify's encoding of binary bodies, and the sealed JSON's) turns into about 5.4 MB.
 * A body between the two is read, so a plain form post that carries too much evidence gets its form
 * back with everything typed and a plain error, not a bare 413.
 */
export const TIP_BODY_LIMIT = 6 * 1024 * 1024;

export async function tipService(context?: FunctionContext): Promise<TipService> {
  return new TipService(await loadConfig(), { deployContext: deployContextOf(context) });
}

export function tipContext(context?: FunctionContext): TipContext {
  return {
    today: jakartaToday(serverClock(deployContextOf(context))()),
    regencyCodes: new Set(formData.regencies.map((r) => r.code)),
    destinationSlugs: new Set(formData.destinations.map((d) => d.slug)),
  };
}

/** A reporting page in the site's frame (quick exit, no search index), "Kesalahan: " in the title when `error`. */
export async function tipPage(request: Request, lang: Lang, status: number, title: string, content: string, o: { error?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
  return htmlPage(status, fillShell(await pageShell(lang, request.url, '/lapor/kerangka/'), lang, title, content, { error: o.error ?? false }), o.headers ?? {});
}

/** The receipt as sent, checked: its normal form, or the field's error. */
export function readReceipt(data: Record<string, unknown>): { receipt: string } | { error: FieldError } {
  const parsed = ReceiptQuerySchema.safeParse(data);
  if (!parsed.success) return { error: { code: parsed.error.issues[0]?.message ?? 'receipt.invalid' } };
  const receipt = normalizeReceipt(parsed.data.receipt);
  return receipt ? { receipt } : { error: { code: 'receipt.invalid' } };
}

/** Field errors as sentences, for JSON answers. */
export function sentences(lang: Lang, errors: Partial<Record<string, FieldError>>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).flatMap(([field, error]) => (error ? [[field, tipErrorMessage(lang, error.code)]] : [])));
}

/** Evidence sent by a plain form post: the limits first, then each file's bytes, cleaned. */
export async function readEvidence(files: readonly UploadedFile[]): Promise<{ ok: true; files: CleanFile[] } | { ok: false; error: FieldError }> {
  const evidence = files.filter((f) => f.field === 'files');
  if (evidence.length !== files.length) return { ok: false, error: { code: 'files.type' } };
  const problem = evidenceProblem(evidence.map((f) => ({ name: f.name, type: f.type || 'application/octet-stream', size: f.bytes.length })));
  if (problem) return { ok: false, error: problem };
  const cleaned: CleanFile[] = [];
  for (const file of evidence) {
    try {
      cleaned.push(await cleanEvidence(file.bytes));
    } catch (error) {
      if (error instanceof UnreadableEvidence) return { ok: false, error: { code: 'files.unreadable' } };
      throw error;
    }
  }
  return { ok: true, files: cleaned };
}

export const unavailableJson = (lang: Lang) => json(503, { error: 'service-unavailable', message: tipText(lang, 'tip.unavailable') });

/** 429 for a locked receipt, with Retry-After and a sentence saying when. */
export function lockedJson(lang: Lang, key: 'tip.statusLocked' | 'tip.followUpLocked', retryAt: number): Response {
  const seconds = String(retryAfterSeconds(retryAt));
  return json(429, { error: 'locked', message: lockedSentence(lang, key, retryAt), retryAfter: Number(seconds) }, { 'Retry-After': seconds });
}

export function lockedSentence(lang: Lang, key: 'tip.statusLocked' | 'tip.followUpLocked', retryAt: number): string {
  return tipText(lang, key).replace('{when}', formatJakartaTime(retryAt, lang));
}
