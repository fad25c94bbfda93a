import type { Config } from '@netlify/functions';
import { guarded } from '../../src/server/http.ts';
import { handleStatus } from '../../src/server/handlers/preregistration-status.ts';

export default guarded('preregistrations.status', handleStatus);

export const config: Config = {
  path: '/api/preregistrations/status',
  // Slows a guesser spread over many codes; the per-code lock (10 wrong birth dates a day) is the real limit.
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
