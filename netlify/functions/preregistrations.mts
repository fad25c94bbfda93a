import type { Config } from '@netlify/functions';
import { handlePreregistrations } from '../../src/server/handlers/preregistrations.ts';

export default (request: Request) => handlePreregistrations(request);

export const config: Config = { path: '/api/preregistrations' };
