import { z } from 'zod';
import { PageMetaSchema, SlugSchema } from './common.ts';

/** One step of a guide, in the GOV.UK step-by-step pattern. Every step must say who, where, cost and time. */
export const GuideStepSchema = z.object({
  /** Short action as a heading. Example: "Daftar di Disnaker kabupaten/kota". */
  title: z.string().min(3).max(120),
  /** What to do, as short paragraphs (plain text, one idea each). */
  body: z.array(z.string().min(3)).min(1),
  /** Who serves the applicant at this step. Example: "Disnaker kabupaten/kota sesuai alamat KTP". */
  who: z.string().min(2),
  /** Where it happens. Example: "Kantor Disnaker, atau LTSA". */
  where: z.string().min(2),
  /** What it costs, or that it is free. Example: "Gratis". */
  cost: z.string().min(2),
  /** How long it takes. Example: "1–3 hari kerja". */
  time: z.string().min(2),
  /** What to bring. */
  documents: z.array(z.string().min(2)).default([]),
  /** A fact in this step that is not confirmed; shown next to the step. */
  unconfirmed: z.string().min(5).optional(),
});
export type GuideStep = z.infer<typeof GuideStepSchema>;

/** A step-by-step guide: content/guides/{id,en}/<slug>.mdx. The MDX body is the introduction and any notes after the steps. */
export const GuideSchema = PageMetaSchema.extend({
  /** Position on the guides list (1 first). */
  order: z.number().int().min(1),
  /** One sentence shown on the guides list. */
  summary: z.string().min(10).max(240),
  /** The numbered steps. */
  steps: z.array(GuideStepSchema).min(1),
  /** Slugs of related guides. */
  related: z.array(SlugSchema).default([]),
});
export type Guide = z.infer<typeof GuideSchema>;
