import type { Config } from '@netlify/functions';
import { guarded } from '../../src/server/http.ts';
import { handleTipKeys } from '../../src/server/handlers/tip-keys.ts';

export default guarded('tips.keys', handleTipKeys);

export const config: Config = {
  path: '/api/tips/keys',
  // Fetched once per report by the page's script.
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
