import type { Config } from '@netlify/functions';
import { handleConfirmation } from '../../src/server/handlers/preregistration-confirmation.ts';

export default (request: Request) => handleConfirmation(request);

export const config: Config = { path: ['/pra-daftar/bukti/', '/en/pra-daftar/bukti/'] };
