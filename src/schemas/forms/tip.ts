/**
 * The tip (lapor) form and API schemas, shared by the form page, its browser script and the
 * functions. Written with zod/mini: the reporting page's script, crypto included, must stay under
 * 40 KB gzip, and zod/mini costs a tenth of zod classic there. Messages are codes ("what.required");
 * src/i18n/tip-errors.ts turns them into sentences in each language.
 *
 * Two kinds of submission reach the function:
 *  - a plain report (a form post without JavaScript, or an API client): TipFieldsSchema, checked here
 *    and sealed by the function;
 *  - a sealed report (the page's script sealed it in the browser after checking it with the same
 *    TipFieldsSchema): SealedTipSchema, of which the function can check only the shape, the readable
 *    triage fields and the sizes.
 */
import * as z from 'zod/mini';
import { ACCEPTED_FILE_TYPES, MAX_FILE_BYTES_PER_REQUEST, MAX_FILES_PER_REQUEST } from '../../lib/tip-facts.ts';
import { NONCE_BYTES, TAG_BYTES, WRAPPED_KEY_BYTES, X25519_KEY_BYTES, type SealPurpose } from '../../lib/sealing.ts';
import { blankToUndefined, firstErrors, HIDDEN_CONTROLS, oneLine, required, unixLines, yesNo, type FieldError } from './field-rules.ts';
import { CHILD_INVOLVED, DESTINATION_ELSEWHERE, EARLIEST_YEAR_OFFSET, PEOPLE_COUNTS, PLACE_ELSEWHERE, TIP_CATEGORIES } from './tip-fields.ts';
import type { Option } from './preregistration-fields.ts';

/** The form's fields in page order: the error summary lists errors in this order. */
export const TIP_FIELDS = [
  'category', 'what', 'place', 'placeDetail', 'whenMonth', 'whenYear', 'who', 'howMany', 'destination',
  'childInvolved', 'files', 'contactWanted', 'contact', 'consent',
] as const;
export type TipField = (typeof TIP_FIELDS)[number];
export type TipErrors = Partial<Record<TipField, FieldError>>;

/** What the rules need to know that is not in the form: today, and the lists of places and countries. */
export interface TipContext {
  /** Today in Asia/Jakarta, YYYY-MM-DD. */
  today: string;
  regencyCodes: ReadonlySet<string>;
  destinationSlugs: ReadonlySet<string>;
}

const values = <T extends string>(options: readonly Option<T>[]) => options.map((o) => o.value) as [T, ...T[]];
const optional = <T extends z.core.SomeType>(schema: T) => z.pipe(z.transform(blankToUndefined), z.optional(schema));
const choice = <T extends string>(field: string, options: readonly Option<T>[]) => z.pipe(z.transform(blankToUndefined), z.enum(values(options), required(field)));

/** Free text: trimmed, CRLF as LF (or one line), within a length, without hidden control characters. */
function text(field: string, o: { min?: number; max: number; multiline: boolean }) {
  const checks: z.core.$ZodCheck<string>[] = [
    ...(o.min ? [z.minLength(o.min, `${field}.tooShort`)] : []),
    z.maxLength(o.max, `${field}.tooLong`),
    z.refine<string>((v) => !HIDDEN_CONTROLS.test(v), `${field}.chars`),
  ];
  return z.pipe(
    z.string(required(field)),
    z.pipe(z.transform((v: string) => (o.multiline ? unixLines(v) : oneLine(v)).trim()), z.string().check(...checks)),
  );
}

export const TipFieldsSchema = z.object({
  /** What the report is about. Example: "calo". */
  category: choice('category', TIP_CATEGORIES),
  /** What happened, in the reporter's words (required). 10 to 5000 characters; line breaks kept. */
  what: z.pipe(z.transform(blankToUndefined), text('what', { min: 10, max: 5000, multiline: true })),
  /** Where: a Lampung regency code ("1804"), "luar-lampung" or "luar-negeri"; checked against the list in parseTip. */
  place: optional(z.string().check(z.maxLength(20, 'place.invalid'))),
  /** More about the place, free text on one line. Example: "Desa Sukadana, dekat pasar". */
  placeDetail: optional(text('placeDetail', { max: 200, multiline: false })),
  /** The month it happened, "1" to "12" (optional; the year is enough). */
  whenMonth: optional(z.string().check(z.regex(/^(?:[1-9]|1[0-2])$/, 'whenMonth.invalid'))),
  /** The year it happened, "2026", or "sebelumnya" for earlier than the list goes. */
  whenYear: optional(z.string().check(z.regex(/^(?:\d{4}|sebelumnya)$/, 'whenYear.invalid'))),
  /** Who is involved: a person or a company, as the reporter knows them (optional). */
  who: optional(text('who', { max: 500, multiline: true })),
  /** How many people are affected, as a range. */
  howMany: optional(z.enum(values(PEOPLE_COUNTS), 'howMany.invalid')),
  /** Destination country slug, "lainnya" or "tidak-tahu" (optional). */
  destination: optional(z.string().check(z.maxLength(40, 'destination.invalid'))),
  /** Whether a child is involved: "ya" marks the report urgent. */
  childInvolved: choice('childInvolved', CHILD_INVOLVED),
  /** Whether the reporter wants to be contacted; anonymous (false) unless they say yes. */
  contactWanted: z.pipe(z.transform(yesNo), z.optional(z.boolean('contactWanted.invalid'))),
  /** Consent to the processing described on the page; must be given. */
  consent: z.pipe(z.transform(yesNo), z.literal(true, { error: 'consent.required' })),
});

/**
 * How to reach the reporter (phone, WhatsApp, e-mail). Checked, and kept, only when they asked to be
 * contacted: what an anonymous reporter left in the field is neither judged nor stored.
 */
export const ContactSchema = optional(text('contact', { min: 5, max: 200, multiline: false }));

type ParsedFields = z.infer<typeof TipFieldsSchema>;

/** A checked report, as it is sealed. Contact details are kept only when the reporter asked to be contacted. */
export interface TipReport {
  category: ParsedFields['category'];
  what: string;
  place?: string | undefined;
  placeDetail?: string | undefined;
  whenMonth?: string | undefined;
  whenYear?: string | undefined;
  who?: string | undefined;
  howMany?: ParsedFields['howMany'];
  destination?: string | undefined;
  childInvolved: ParsedFields['childInvolved'];
  contactWanted: boolean;
  contact?: string | undefined;
}

export type TipResult = { ok: true; data: TipReport } | { ok: false; errors: TipErrors };

const yearOf = (day: string) => Number(day.slice(0, 4));

/** Validates a plain report: every field, then the rules across fields. Never throws on bad input. */
export function parseTip(input: unknown, ctx: TipContext): TipResult {
  const source = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const parsed = TipFieldsSchema.safeParse(source);
  const errors: TipErrors = parsed.success ? {} : firstErrors(TIP_FIELDS, parsed.error.issues);
  const field = <K extends keyof ParsedFields>(key: K): ParsedFields[K] | undefined => {
    if (parsed.success) return parsed.data[key];
    const one = TipFieldsSchema.shape[key].safeParse(source[key]);
    return one.success ? (one.data as ParsedFields[K]) : undefined;
  };

  const place = field('place');
  if (place && !errors.place && !ctx.regencyCodes.has(place) && !values(PLACE_ELSEWHERE).includes(place as never)) errors.place = { code: 'place.invalid' };

  const destination = field('destination');
  if (destination && !errors.destination && !ctx.destinationSlugs.has(destination) && !values(DESTINATION_ELSEWHERE).includes(destination as never)) {
    errors.destination = { code: 'destination.invalid' };
  }

  const thisYear = yearOf(ctx.today);
  const month = field('whenMonth');
  const year = field('whenYear');
  if (year && !errors.whenYear && year !== 'sebelumnya' && (Number(year) > thisYear || Number(year) < thisYear - EARLIEST_YEAR_OFFSET)) {
    errors.whenYear = { code: Number(year) > thisYear ? 'whenYear.future' : 'whenYear.invalid' };
  }
  if (month && !errors.whenMonth && !year && !errors.whenYear) errors.whenYear = { code: 'whenYear.required' };
  if (month && year && !errors.whenMonth && !errors.whenYear && Number(year) === thisYear && Number(month) > Number(ctx.today.slice(5, 7))) {
    errors.whenMonth = { code: 'whenMonth.future' };
  }

  const contactWanted = field('contactWanted') === true;
  let contact: string | undefined;
  if (contactWanted) {
    const checked = ContactSchema.safeParse(source.contact);
    if (!checked.success) errors.contact = { code: checked.error.issues[0]?.message ?? 'contact.invalid' };
    else if (!checked.data) errors.contact = { code: 'contact.required' };
    else contact = checked.data;
  }

  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const d = parsed.data;
  return {
    ok: true,
    data: {
      category: d.category,
      what: d.what,
      place: d.place,
      placeDetail: d.placeDetail,
      whenMonth: d.whenMonth,
      whenYear: d.whenYear,
      who: d.who,
      howMany: d.howMany,
      destination: d.destination,
      childInvolved: d.childInvolved,
      contactWanted,
      // Never kept when the reporter chose to stay anonymous, even if the field was filled in before.
      ...(contact ? { contact } : {}),
    },
  };
}

/** An evidence file as the rules see it, before or after reading it. */
export interface EvidenceFile {
  name: string;
  type: string;
  size: number;
}

/**
 * The evidence limits: at most 3 files, 4 MB together, images (JPEG, PNG, WebP) or PDF. The type is
 * the declared one here; the function also checks the bytes themselves before it keeps a file.
 */
export function evidenceProblem(files: readonly EvidenceFile[]): FieldError | undefined {
  if (files.length > MAX_FILES_PER_REQUEST) return { code: 'files.tooMany', params: { max: String(MAX_FILES_PER_REQUEST) } };
  if (files.some((f) => !(ACCEPTED_FILE_TYPES as readonly string[]).includes(f.type))) return { code: 'files.type' };
  if (files.reduce((sum, f) => sum + f.size, 0) > MAX_FILE_BYTES_PER_REQUEST) return { code: 'files.tooLarge', params: { max: '4 MB' } };
  if (files.some((f) => f.size === 0)) return { code: 'files.empty' };
  return undefined;
}

/** A receipt as typed: checked with receipt.ts's normalizeReceipt by the caller. */
export const ReceiptQuerySchema = z.object({
  receipt: z.pipe(z.transform(blankToUndefined), z.string(required('receipt')).check(z.maxLength(60, 'receipt.invalid'))),
});

/** A follow-up from the reporter: more information or an answer to an officer's question. */
export const FollowUpSchema = z.object({
  receipt: ReceiptQuerySchema.shape.receipt,
  message: z.pipe(z.transform(blankToUndefined), text('message', { min: 2, max: 5000, multiline: true })),
});
export const FOLLOW_UP_FIELDS = ['receipt', 'message', 'files'] as const;
export type FollowUpField = (typeof FOLLOW_UP_FIELDS)[number];

// ---- Sealed submissions (the browser sealed them; the function sees only their shape) ----

/** Standard base64 of exactly `bytes` bytes, or of at most `max` bytes. */
const base64Of = (o: { bytes?: number; max?: number }) =>
  z.string().check(
    z.regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/),
    z.refine((v: string) => {
      const size = (v.length / 4) * 3 - (v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0);
      return o.bytes !== undefined ? size === o.bytes : size <= (o.max ?? 0);
    }),
  );

/** Decoded size of standard base64 text (checked by the schema first). */
export const base64Size = (v: string) => (v.length / 4) * 3 - (v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0);

const SealedBoxSchema = <P extends SealPurpose>(purpose: P, maxCiphertext: number) =>
  z.object({
    v: z.literal(1),
    purpose: z.literal(purpose),
    recipients: z.array(z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)), enc: base64Of({ bytes: X25519_KEY_BYTES }), key: base64Of({ bytes: WRAPPED_KEY_BYTES }) })).check(z.minLength(1), z.maxLength(50)),
    nonce: base64Of({ bytes: NONCE_BYTES }),
    ciphertext: base64Of({ max: maxCiphertext }),
  });

/** Sealed evidence is padded to 64 KiB blocks, so its size says little about the file. */
export const FILE_PAD_BLOCK = 64 * 1024;
/** Sealed text (a report, a message) is padded to 1 KiB blocks. */
export const TEXT_PAD_BLOCK = 1024;
const MAX_SEALED_REPORT = 64 * 1024;
const MAX_SEALED_FILES = MAX_FILE_BYTES_PER_REQUEST + MAX_FILES_PER_REQUEST * (FILE_PAD_BLOCK + TAG_BYTES);

export const SealedReportBoxSchema = SealedBoxSchema('tip-report', MAX_SEALED_REPORT);
export const SealedFollowUpBoxSchema = SealedBoxSchema('tip-follow-up', MAX_SEALED_REPORT);
export const SealedFileBoxSchema = SealedBoxSchema('tip-file', MAX_FILE_BYTES_PER_REQUEST + FILE_PAD_BLOCK + TAG_BYTES);

const sealId = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/));
const sealedFiles = z.array(SealedFileBoxSchema).check(
  z.maxLength(MAX_FILES_PER_REQUEST, 'files.tooMany'),
  z.refine((files) => files.reduce((sum, f) => sum + base64Size(f.ciphertext), 0) <= MAX_SEALED_FILES, 'files.tooLarge'),
);

/** A report the browser sealed: the triage fields in the clear, the rest in boxes bound to `sealId`. */
export const SealedTipSchema = z.object({
  sealId,
  category: z.enum(values(TIP_CATEGORIES)),
  childInvolved: z.enum(values(CHILD_INVOLVED)),
  report: SealedReportBoxSchema,
  files: z.optional(sealedFiles),
});
export type SealedTip = z.infer<typeof SealedTipSchema>;

/** A follow-up the browser sealed. */
export const SealedFollowUpSchema = z.object({
  receipt: ReceiptQuerySchema.shape.receipt,
  sealId,
  message: SealedFollowUpBoxSchema,
  files: z.optional(sealedFiles),
});
export type SealedFollowUp = z.infer<typeof SealedFollowUpSchema>;
