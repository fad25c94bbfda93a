import type { Config } from '@netlify/functions';
import { handleDays } from '../../src/server/handlers/preregistration-days.ts';

export default (request: Request) => handleDays(request);

export const config: Config = { path: '/api/preregistrations/days' };
