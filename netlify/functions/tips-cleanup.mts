import type { Config } from '@netlify/functions';
import { guarded } from '../../src/server/http.ts';
import { handleTipsCleanup } from '../../src/server/handlers/tips-cleanup.ts';

export default guarded('tips.cleanup', handleTipsCleanup);

// Once a day: evidence files that no tip names (left by a submission that failed half-way while storage was failing).
export const config: Config = { schedule: '@daily' };
