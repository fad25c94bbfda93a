import type { Config } from '@netlify/functions';
import { guarded } from '../../src/server/http.ts';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';

export default guarded('preregistrations', handlePreregistrations);

export const config: Config = {
  path: '/api/preregistrations',
  // Per address at Netlify's edge (README, "Abuse limits"): room for a family or a village office
  // on one connection, and for mobile networks that put many phones behind one address.
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
