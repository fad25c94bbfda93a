import type { Config } from '@netlify/functions';
import { handleStatus } from '../../src/server/handlers/preregistration-status.ts';

export default (request: Request) => handleStatus(request);

export const config: Config = { path: '/api/preregistrations/status' };
