import { z } from 'zod';
import { PageMetaSchema, SlugSchema, text } from './common.ts';

/** One step of a guide, in the GOV.UK step-by-step pattern. Every step must say who, where, cost and time. */
export const GuideStepSchema = z.object({
  /** Short action as a heading. Example: "Daftar di Disnaker kabupaten/kota". */
  title: text('judul langkah', { min: 3, max: 120 }),
  /** What to do, as short paragraphs (plain text, one idea each). */
  body: z.array(text('isi langkah', { min: 3 }), { error: 'Wajib diisi: isi langkah (body), satu paragraf per baris' }).min(1, 'Wajib diisi: isi langkah (body)'),
  /** Who serves the applicant at this step. Example: "Disnaker kabupaten/kota sesuai alamat KTP". */
  who: text('siapa yang melayani (who)', { min: 2 }),
  /** Where it happens. Example: "Kantor Disnaker, atau LTSA". */
  where: text('tempat (where)', { min: 2 }),
  /** What it costs, or that it is free. Example: "Gratis". */
  cost: text('biaya (cost), atau "Gratis"', { min: 2 }),
  /** How long it takes. Example: "1–3 hari kerja". */
  time: text('lama waktu (time)', { min: 2 }),
  /** What to bring. */
  documents: z.array(text('dokumen', { min: 2 })).default([]),
  /** A fact in this step that is not confirmed; shown next to the step. */
  unconfirmed: text('hal yang belum dikonfirmasi', { min: 5 }).optional(),
});
export type GuideStep = z.infer<typeof GuideStepSchema>;

/** A step-by-step guide: content/guides/{id,en}/<slug>.mdx. The MDX body is the introduction and any notes after the steps. */
export const GuideSchema = PageMetaSchema.extend({
  /** Position on the guides list (1 first). */
  order: z.number({ error: 'Wajib diisi: urutan (order), angka mulai 1' }).int().min(1),
  /** One sentence shown on the guides list. */
  summary: text('ringkasan (summary)', { min: 10, max: 240 }),
  /** The numbered steps. */
  steps: z.array(GuideStepSchema, { error: 'Wajib diisi: langkah-langkah (steps)' }).min(1, 'Panduan harus punya paling sedikit satu langkah (steps)'),
  /** Slugs of related guides. */
  related: z.array(SlugSchema).default([]),
});
export type Guide = z.infer<typeof GuideSchema>;
