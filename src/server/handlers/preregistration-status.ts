/** POST /api/preregistrations/status: code + birth date → status and visit day, or the same 404 for any miss. */
import { t, type Lang } from '../../i18n/index.ts';
import { html } from '../../lib/html.ts';
import { StatusQuerySchema } from '../../schemas/forms/preregistration.ts';
import { formErrorMessage } from '../../i18n/form-errors.ts';
import { statusForm, statusResult } from '../../views/preregistration.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { htmlPage, json, methodNotAllowed, parseBody, requestLang, wantsHtml } from '../http.ts';
import { PreregistrationService } from '../preregistration-service.ts';
import { StorageError } from '../preregistration-store.ts';
import { fillShell, pageShell } from '../shell.ts';

export async function handleStatus(request: Request): Promise<Response> {
  if (request.method !== 'POST') return methodNotAllowed(['POST']);
  const body = await parseBody(request);
  if (!body.ok) return body.response;
  const lang: Lang = requestLang(request, body.data);
  const asPage = wantsHtml(request, body.kind);
  const values = { code: typeof body.data.code === 'string' ? body.data.code : '', birthDate: typeof body.data.birthDate === 'string' ? body.data.birthDate : '' };
  const page = async (status: number, content: string, error: boolean) =>
    htmlPage(status, fillShell(await pageShell(lang, request.url), lang, t(lang, 'prereg.statusTitle'), content, { error }));

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
    const service = new PreregistrationService(loadConfig());
    const result = await service.status(parsed.data.code, parsed.data.birthDate);
    if (!asPage) return result ? json(200, { status: result.status, visitDate: result.visitDate }) : json(404, { error: 'not-found', message: t(lang, 'prereg.statusNotFound') });
    return page(result ? 200 : 404, html`${statusResult(lang, result)}${statusForm({ lang, values })}`.value, false);
  } catch (error) {
    if (!(error instanceof StorageError || error instanceof ConfigError)) throw error;
    if (!asPage) return json(503, { error: 'service-unavailable', message: t(lang, 'prereg.unavailable') });
    return page(503, html`<div class="err-summary" role="alert" tabindex="-1" autofocus><h2>${t(lang, 'prereg.unavailableTitle')}</h2></div>${statusForm({ lang, values })}`.value, true);
  }
}
