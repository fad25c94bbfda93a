/** GET /api/preregistrations/days: places left on each bookable office day of the booking window. */
import { loadConfig } from '../config.ts';
import { isServiceFault, json, methodNotAllowed, type FunctionContext } from '../http.ts';
import { PreregistrationService } from '../preregistration-service.ts';
import { deployContextOf } from '../storage.ts';

export async function handleDays(request: Request, context?: FunctionContext): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(['GET']);
  try {
    const config = await loadConfig();
    const days = await new PreregistrationService(config, { deployContext: deployContextOf(context) }).availability();
    return json(200, { capacity: config.capacityPerDay, days });
  } catch (error) {
    if (isServiceFault('preregistrations.days', error)) return json(503, { error: 'service-unavailable' });
    throw error;
  }
}
