import type { Config } from '@netlify/functions';
import { guarded } from '../../src/server/http.ts';
import { handleCleanup } from '../../src/server/handlers/preregistration-cleanup.ts';

export default guarded('preregistrations.cleanup', handleCleanup);

// Once a day (00:00 UTC, 07:00 in Lampung): past days' slot holds, expired idempotency answers, old limit counters.
export const config: Config = { schedule: '@daily' };
