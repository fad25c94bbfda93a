import type { Config } from '@netlify/functions';
import { guarded } from '../../src/server/http.ts';
import { handleDays } from '../../src/server/handlers/preregistration-days.ts';

export default guarded('preregistrations.days', handleDays);

export const config: Config = {
  path: '/api/preregistrations/days',
  // Each form page with JavaScript asks once; a reload or two is normal, a loop is not.
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
