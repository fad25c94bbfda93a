import { z } from 'zod';
import { DateSchema, LocalizedTextSchema, SlugSchema, SourceIdSchema } from './common.ts';
import { PlacementStatusSchema, SchemeSchema } from './status.ts';

/**
 * A dated notice about placement to a destination: content/notices/<id>.yaml.
 * One file serves both languages; the file name is the notice's id and anchor.
 */
export const NoticeSchema = z.object({
  /** Headline. Example: { id: "Moratorium PRT ke Timur Tengah", en: "..." }. */
  title: LocalizedTextSchema,
  /** What the notice decides, in two or three sentences. */
  summary: LocalizedTextSchema,
  /** Slugs of destination pages it applies to (content/countries). */
  countries: z.array(SlugSchema).min(1),
  /** When it covers more countries than have pages: every country it names. */
  covers: LocalizedTextSchema.optional(),
  /** The sector or job it applies to. */
  sector: LocalizedTextSchema,
  /** The status it sets. */
  status: PlacementStatusSchema,
  /** Schemes it allows (empty when it closes all routes). */
  schemes: z.array(SchemeSchema).default([]),
  /** Legal basis: number and date. Example: "Kepmenaker 260/2015". */
  legalBasis: z.string().min(3),
  /** Who issued it. Example: "Kementerian Ketenagakerjaan". */
  issuer: z.string().min(3),
  /** The day it took effect or was announced; orders the list. */
  date: DateSchema,
  /** When it is due for review, if stated. */
  reviewBy: DateSchema.optional(),
  /** Sources (content/data/sources.yaml). */
  sources: z.array(SourceIdSchema).min(1),
  /** The day an editor last checked it. */
  reviewed: DateSchema,
  /** False when sources disagree or the notice may be stale: shown as needing confirmation. */
  confirmed: z.boolean(),
  /** What is uncertain, when confirmed is false. */
  caveat: LocalizedTextSchema.optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;
