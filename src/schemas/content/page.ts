import { PageMetaSchema } from './common.ts';
import type { z } from 'zod';

/** A stand-alone page (kontak, privasi, glosarium, tentang): content/pages/{id,en}/<slug>.mdx. */
export const StandalonePageSchema = PageMetaSchema;
export type StandalonePage = z.infer<typeof StandalonePageSchema>;
