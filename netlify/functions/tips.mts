import type { Config } from '@netlify/functions';
import { guarded } from '../../src/server/http.ts';
import { handleTips } from '../../src/server/handlers/tips.ts';

export default guarded('tips.submit', handleTips);

export const config: Config = {
  path: '/api/tips',
  // Netlify's edge limit per address (the function never sees it): a person reports a few times; a script flooding reports stops here.
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
