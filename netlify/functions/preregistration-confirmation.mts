import type { Config } from '@netlify/functions';
import { handleConfirmation } from '../../src/server/handlers/preregistration-confirmation.ts';

export default (request: Request) => handleConfirmation(request);

// No trailing slash: a literal route matches the path with its trailing slash removed, so
// '/pra-daftar/bukti/' would match nothing; '/pra-daftar/bukti' matches it with or without.
export const config: Config = { path: ['/pra-daftar/bukti', '/en/pra-daftar/bukti'] };
