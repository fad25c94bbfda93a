/**
 * GET /api/tips/keys: the officers' public keys, which the reporting page's script seals to. Public
 * by nature; a page that sealed to keys that have since changed gets a 409 with the new ones.
 */
import { isServiceFault, json, methodNotAllowed, type FunctionContext } from '../http.ts';
import { tipService } from './tip-common.ts';

export async function handleTipKeys(request: Request, context?: FunctionContext): Promise<Response> {
  if (request.method !== 'GET') return methodNotAllowed(['GET']);
  try {
    return json(200, { keys: (await tipService(context)).publicKeys() });
  } catch (error) {
    if (!isServiceFault('tips.keys', error)) throw error;
    return json(503, { error: 'service-unavailable' });
  }
}
