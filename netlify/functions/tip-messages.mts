import type { Config } from '@netlify/functions';
import { guarded } from '../../src/server/http.ts';
import { handleTipMessages } from '../../src/server/handlers/tip-messages.ts';

export default guarded('tips.messages', handleTipMessages);

export const config: Config = {
  path: '/api/tips/messages',
  // A conversation needs a few messages a minute; the per-receipt daily limit stops a flood on one tip.
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
