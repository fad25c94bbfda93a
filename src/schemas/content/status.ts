import { z } from 'zod';

/** Placement status of a destination for a sector. Labels come from src/i18n ("status.<value>"). */
export const PlacementStatusSchema = z.enum(['open', 'restricted', 'closed', 'moratorium', 'under-review'], {
  error: 'Status harus salah satu dari: open, restricted, closed, moratorium, under-review',
});
export type PlacementStatus = z.infer<typeof PlacementStatusSchema>;

/** A legal placement scheme. Labels come from src/i18n ("scheme.<value>"). */
export const SchemeSchema = z.enum(['g-to-g', 'p-to-p', 'perseorangan', 'ukps', 'spsk', 'ocs', 'ssw'], {
  error: 'Skema harus salah satu dari: g-to-g, p-to-p, perseorangan, ukps, spsk, ocs, ssw',
});
export type Scheme = z.infer<typeof SchemeSchema>;
