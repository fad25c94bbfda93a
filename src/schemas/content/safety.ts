import { z } from 'zod';
import { PageMetaSchema } from './common.ts';

/** Anti-trafficking guidance: content/safety/{id,en}/<slug>.mdx. The entry "index" is /waspada/ itself. */
export const SafetyPageSchema = PageMetaSchema.extend({
  /** Position in the /waspada/ section (1 first). */
  order: z.number().int().min(1),
  /** One sentence shown in lists. */
  summary: z.string().min(10).max(240),
});
export type SafetyPage = z.infer<typeof SafetyPageSchema>;
