/**
 * POST /api/preregistrations/status: code + birth date → status and visit day, the same 404 for any
 * miss, and 429 once the code has had 10 wrong birth dates in 24 hours.
 */
import { t } from '../../i18n/index.ts';
import { html } from '../../lib/html.ts';
import { StatusQuerySchema } from '../../schemas/forms/preregistration.ts';
import { formErrorMessage } from '../../i18n/form-errors.ts';
import { statusForm, statusResult } from '../../views/preregistration.ts';
import { loadConfig } from '../config.ts';
import { htmlPage, isServiceFault, json, retryAfterSeconds, retryMessage, tooManyRequests, type FunctionContext } from '../http.ts';
import { acceptPost } from '../origin.ts';
import { PreregistrationService } from '../preregistration-service.ts';
import { deployContextOf } from '../storage.ts';
import { fillShell, pageShell } from '../shell.ts';

export async function handleStatus(request: Request, context?: FunctionContext): Promise<Response> {
  const accepted = await acceptPost(request);
  if (!accepted.ok) return accepted.response;
  const { body, lang, asPage } = accepted;
  const values = { code: typeof body.data.code === 'string' ? body.data.code : '', birthDate: typeof body.data.birthDate === 'string' ? body.data.birthDate : '' };
  const page = async (status: number, content: string, error: boolean, headers: Record<string, string> = {}) =>
    htmlPage(status, fillShell(await pageShell(lang, request.url), lang, t(lang, 'prereg.statusTitle'), content, { error }), headers);

  const parsed = StatusQuerySchema.safeParse(body.data);
  if (!parsed.success) {
    const errors: { code?: string; birthDate?: string } = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as 'code' | 'birthDate';
      errors[field] ??= formErrorMessage(lang, { code: issue.message }, []);
    }
    if (!asPage) return json(422, { errors });
    return page(422, statusForm({ lang, values, errors }).value, true);
  }

  try {
    const service = new PreregistrationService(await loadConfig(), { deployContext: deployContextOf(context) });
    const result = await service.status(parsed.data.code, parsed.data.birthDate);
    if (result.kind === 'locked') {
      if (!asPage) return tooManyRequests(lang, 'limits.statusLocked', result.retryAt, 'locked');
      const content = html`<div class="err-summary" role="alert" tabindex="-1" autofocus><h2>${t(lang, 'limits.statusLockedTitle')}</h2><p>${retryMessage(lang, 'limits.statusLocked', result.retryAt)}</p></div>${statusForm({ lang, values })}`;
      return page(429, content.value, true, { 'Retry-After': String(retryAfterSeconds(result.retryAt)) });
    }
    const found = result.kind === 'found' ? result : undefined;
    if (!asPage) return found ? json(200, { status: found.status, visitDate: found.visitDate }) : json(404, { error: 'not-found', message: t(lang, 'prereg.statusNotFound') });
    return page(found ? 200 : 404, html`${statusResult(lang, found)}${statusForm({ lang, values })}`.value, false);
  } catch (error) {
    if (!isServiceFault('preregistrations.status', error)) throw error;
    if (!asPage) return json(503, { error: 'service-unavailable', message: t(lang, 'prereg.unavailable') });
    return page(503, html`<div class="err-summary" role="alert" tabindex="-1" autofocus><h2>${t(lang, 'prereg.unavailableTitle')}</h2></div>${statusForm({ lang, values })}`.value, true);
  }
}
