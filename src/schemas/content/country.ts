import { z } from 'zod';
import { PageMetaSchema, SourceIdSchema } from './common.ts';
import { PlacementStatusSchema, SchemeSchema } from './status.ts';
import { JOB_SECTORS, values } from '../forms/preregistration-fields.ts';

/** The current status of one sector in a destination. */
export const SectorStatusSchema = z.object({
  /** The job sector in the page's language. Example: "Pekerja rumah tangga (perseorangan)". */
  sector: z.string().min(3),
  /** Current placement status. */
  status: PlacementStatusSchema,
  /** Legal schemes open for this sector (empty when none). */
  schemes: z.array(SchemeSchema).default([]),
  /** One sentence on why the status is what it is. */
  basis: z.string().min(5),
  /** Ids of notices (content/notices/<id>.yaml) that set this status. */
  notices: z.array(z.string()).default([]),
  /** Sources for the status when no notice covers it. */
  sources: z.array(SourceIdSchema).default([]),
  /** False when the status is inferred, not stated by an official source: shown as unconfirmed. */
  confirmed: z.boolean(),
  /**
   * The pre-registration form's job sectors this status covers (codes from
   * src/schemas/forms/preregistration-fields.ts). A closed or moratorium status refuses those sectors
   * for this destination. Example: [rumah-tangga, pengasuh].
   */
  jobSectors: z.array(z.enum(values(JOB_SECTORS))).default([]),
});
export type SectorStatus = z.infer<typeof SectorStatusSchema>;

/** A destination page: content/countries/{id,en}/<slug>.mdx. The MDX body covers safe routes and practical notes. */
export const CountrySchema = PageMetaSchema.extend({
  /** The country's name in the page's language. Example: "Korea Selatan". */
  name: z.string().min(2),
  /** "country" for one state; "region" for a group such as the Middle East moratorium countries. */
  kind: z.enum(['country', 'region']).default('country'),
  /** Position in the status table (1 first). */
  order: z.number().int().min(1),
  /** Current status per sector. */
  sectors: z.array(SectorStatusSchema).min(1),
  /** Cumulative placements from Lampung, with the source, when known. */
  placements: z
    .object({
      /** Number of workers placed. */
      count: z.number().int().nonnegative(),
      /** What the number counts. Example: "kumulatif sampai November 2024". */
      period: z.string().min(3),
      /** Source id. */
      source: SourceIdSchema,
    })
    .optional(),
});
export type Country = z.infer<typeof CountrySchema>;
