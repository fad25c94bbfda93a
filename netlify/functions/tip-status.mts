import type { Config } from '@netlify/functions';
import { guarded } from '../../src/server/http.ts';
import { handleTipStatus } from '../../src/server/handlers/tip-status.ts';

export default guarded('tips.status', handleTipStatus);

export const config: Config = {
  path: '/api/tips/status',
  // Slows a guesser spread over many receipts; the per-receipt lock is the real limit.
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
