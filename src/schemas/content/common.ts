import { z } from 'zod';

/**
 * A required text field whose errors tell an editor, in plain Indonesian, what to write.
 * `what` names the field as an editor knows it: "biaya langkah", "judul halaman".
 */
export function text(what: string, { min = 1, max }: { min?: number; max?: number } = {}) {
  const base = z
    .string({ error: (issue) => (issue.input === undefined ? `Wajib diisi: ${what}` : `${what} harus berupa teks`) })
    .trim()
    .min(min, min <= 1 ? `Wajib diisi: ${what}` : `${what} terlalu pendek: paling sedikit ${min} huruf`);
  return max === undefined ? base : base.max(max, `${what} terlalu panjang: paling banyak ${max} huruf`);
}

/** A source id from content/data/sources.yaml, e.g. "S9". */
export const SourceIdSchema = z
  .string()
  .regex(/^S\d+$/, 'Tulis id sumber seperti "S9" (lihat content/data/sources.yaml)');

/**
 * A calendar date written as YYYY-MM-DD. YAML turns an unquoted date into a Date,
 * so both forms are accepted and normalised to a Date at midnight UTC.
 */
export const DateSchema = z.coerce.date({
  error: 'Tulis tanggal sebagai YYYY-MM-DD, misalnya 2026-11-28',
});

/** A page slug: lowercase kebab-case, the same in both languages. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Slug harus huruf kecil dan tanda hubung, misalnya "korea-selatan"');

/** Text in both languages where one file serves both (notices, data files). English may be missing: the site then shows the Indonesian text, marked as untranslated. */
export const LocalizedTextSchema = z.object({
  /** Indonesian text (required). */
  id: z.string().min(1),
  /** English text. */
  en: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Fields every reading page carries in its frontmatter. */
export const PageMetaSchema = z.object({
  /** Page title, shown as the H1 and in the browser tab. Example: "Mendaftar di Disnaker". */
  title: text('judul halaman (title)', { min: 3, max: 90 }),
  /** One or two sentences for search engines and link previews (at most 200 characters). */
  description: text('ringkasan untuk mesin pencari (description)', { min: 20, max: 200 }),
  /** The day an editor last checked every fact on the page against its sources. */
  reviewed: DateSchema,
  /** Ids of the sources the page's facts come from (content/data/sources.yaml). */
  sources: z.array(SourceIdSchema).default([]),
  /**
   * Statements on the page that are not confirmed by an official source (FACTS.md [GK] or ⚠).
   * Each is listed in a visible "needs confirmation" box. Example: "Jam buka kantor LTSA".
   */
  unconfirmed: z.array(text('hal yang belum dikonfirmasi', { min: 5 })).default([]),
  /** Legal instruments the page rests on, shown near the top. Example: "UU 18/2017 Pasal 13". */
  legalBasis: z.array(z.string().min(3)).default([]),
});
