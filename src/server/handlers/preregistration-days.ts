/** GET /api/preregistrations/days: places left on each office day of the booking window. */
import { ConfigError, loadConfig } from '../config.ts';
import { json, methodNotAllowed } from '../http.ts';
import { PreregistrationService } from '../preregistration-service.ts';
import { StorageError } from '../preregistration-store.ts';

export async function handleDays(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(['GET']);
  try {
    const config = loadConfig();
    const days = await new PreregistrationService(config).availability();
    return json(200, { capacity: config.capacityPerDay, days });
  } catch (error) {
    if (error instanceof StorageError || error instanceof ConfigError) return json(503, { error: 'service-unavailable' });
    throw error;
  }
}
