import type { Config } from '@netlify/functions';
import { guarded } from '../../src/server/http.ts';
import { handleConfirmation } from '../../src/server/handlers/preregistration-confirmation.ts';

export default guarded('preregistrations.confirmation', handleConfirmation);

export const config: Config = {
  // No trailing slash: a literal route matches the path with its trailing slash removed, so
  // '/pra-daftar/bukti/' would match nothing; '/pra-daftar/bukti' matches it with or without.
  path: ['/pra-daftar/bukti', '/en/pra-daftar/bukti'],
  // The page is opened once after a form post, and again to print or reload it.
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
