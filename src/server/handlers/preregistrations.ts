/**
 * POST /api/preregistrations. JSON clients get JSON (201, 422, 409, 429, 400, 403, 413, 415, 503); a
 * plain form post walks the GOV.UK journey on server-rendered pages: form → check your answers →
 * confirmation. Cross-site posts are refused before the body is read.
 */
import { randomBytes } from 'node:crypto';
import { localizePath, t, type Lang } from '../../i18n/index.ts';
import { parsePreregistration, PREREGISTRATION_FIELDS, type FieldErrors, type PreregistrationField } from '../../schemas/forms/preregistration.ts';
import { errorList, formValues, preregistrationForm, reviewPage, type FormValues } from '../../views/preregistration.ts';
import { html } from '../../lib/html.ts';
import { ConfigError, loadConfig, type ServerConfig } from '../config.ts';
import { htmlPage, isServiceFault, json, redirect, retryAfterSeconds, retryMessage, tooManyRequests, type FunctionContext } from '../http.ts';
import { acceptPost } from '../origin.ts';
import { checklistOf, confirmationToken, PreregistrationService, rulesContext, type CreatedAnswer } from '../preregistration-service.ts';
import { deployContextOf } from '../storage.ts';
import { fillShell, pageShell } from '../shell.ts';

const unavailable = (lang: Lang) => ({ error: 'service-unavailable', message: t(lang, 'prereg.unavailableApi') });

export function createdBody(answer: CreatedAnswer, lang: Lang, config: ServerConfig) {
  return {
    code: answer.code,
    visitDate: answer.visitDate,
    checklist: checklistOf(answer).map((item) => ({ id: item.id, when: item.when, text: item.text[lang], basis: item.basis, ...(item.note ? { note: item.note[lang] } : {}) })),
    confirmationUrl: `${localizePath('/pra-daftar/bukti/', lang)}?t=${confirmationToken(config, answer, lang)}`,
  };
}

export function errorMessages(errors: FieldErrors, lang: Lang): Record<string, string> {
  return Object.fromEntries(errorList(lang, errors).map((e) => [e.field, e.link ? `${e.message} (${localizePath(e.link, lang)})` : e.message]));
}

async function page(request: Request, lang: Lang, status: number, title: string, content: string, error = false, headers: Record<string, string> = {}): Promise<Response> {
  return htmlPage(status, fillShell(await pageShell(lang, request.url), lang, title, content, { error }), headers);
}

async function availabilityOrNothing(service: PreregistrationService | undefined) {
  try {
    return service ? await service.availability() : undefined;
  } catch {
    return undefined;
  }
}

async function formPage(
  request: Request,
  lang: Lang,
  status: number,
  o: {
    values: FormValues;
    errors?: FieldErrors;
    notice?: string;
    noticeTitle?: string;
    service?: PreregistrationService;
    focus?: PreregistrationField;
    availability?: Awaited<ReturnType<typeof availabilityOrNothing>>;
    headers?: Record<string, string>;
  },
) {
  const availability = o.availability ?? (await availabilityOrNothing(o.service));
  const markup = preregistrationForm({ lang, values: o.values, errors: o.errors, availability, notice: o.notice, noticeTitle: o.noticeTitle, focus: o.focus, today: o.service?.today() });
  const error = Boolean(o.notice) || Object.keys(o.errors ?? {}).length > 0;
  return page(request, lang, status, t(lang, 'prereg.title'), markup.value, error, o.headers);
}

export async function handlePreregistrations(request: Request, context?: FunctionContext): Promise<Response> {
  const accepted = await acceptPost(request);
  if (!accepted.ok) return accepted.response;
  const { body, lang, asPage } = accepted;

  let config: ServerConfig | undefined;
  let configError: ConfigError | undefined;
  try {
    config = await loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    configError = error;
  }
  const service = config ? new PreregistrationService(config, { deployContext: deployContextOf(context) }) : undefined;

  if (!asPage) {
    if (!service || !config) {
      isServiceFault('preregistrations.create', configError);
      return json(503, unavailable(lang));
    }
    const idempotencyKey = request.headers.get('idempotency-key')?.trim() || undefined;
    if (idempotencyKey && idempotencyKey.length > 200) return json(400, { error: 'idempotency-key-too-long' });
    try {
      const result = await service.create(body.data, idempotencyKey);
      switch (result.kind) {
        case 'created':
          return json(201, createdBody(result.answer, lang, config), result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
        case 'invalid':
          return json(422, { errors: errorMessages(result.errors, lang) });
        case 'duplicate':
          return json(409, { error: 'duplicate', message: t(lang, 'prereg.duplicate') });
        case 'in-progress':
          return json(409, { error: 'in-progress', message: t(lang, 'prereg.inProgress') });
        case 'key-reused':
          return json(422, { error: 'idempotency-key-reused', message: t(lang, 'prereg.keyReused') });
        case 'rate-limited':
          return tooManyRequests(lang, 'limits.nik', result.retryAt, 'too-many-submissions');
      }
    } catch (error) {
      if (isServiceFault('preregistrations.create', error)) return json(503, unavailable(lang));
      throw error;
    }
  }

  // A browser form post: never lose what was typed.
  const values = formValues(body.data);
  const action = typeof body.data.action === 'string' ? body.data.action : 'review';
  if (action.startsWith('edit')) {
    // Only a known field name is taken from the request.
    const target = action.slice('edit:'.length);
    const field = (PREREGISTRATION_FIELDS as readonly string[]).includes(target) ? (target as PreregistrationField) : undefined;
    return formPage(request, lang, 200, { values, service, focus: field });
  }
  if (!service || !config) {
    isServiceFault('preregistrations.form', configError);
    return formPage(request, lang, 503, { values, notice: t(lang, 'prereg.unavailable') });
  }

  if (action !== 'confirm') {
    const parsed = parsePreregistration(body.data, rulesContext(service.today()));
    if (!parsed.ok) return formPage(request, lang, 422, { values, errors: parsed.errors, service });
    const availability = await availabilityOrNothing(service);
    const full = availability?.find((d) => d.date === parsed.data.visitDate && d.remaining === 0);
    if (full) return formPage(request, lang, 422, { values, errors: { visitDate: { code: 'visitDate.full', params: { date: full.date } } }, availability });
    const idempotencyKey = randomBytes(18).toString('base64url');
    return page(request, lang, 200, t(lang, 'prereg.reviewTitle'), reviewPage({ lang, values, idempotencyKey }).value);
  }

  try {
    const key = typeof body.data.idempotencyKey === 'string' && body.data.idempotencyKey.length <= 200 ? body.data.idempotencyKey : undefined;
    const result = await service.create(body.data, key);
    switch (result.kind) {
      case 'created':
        return redirect(createdBody(result.answer, lang, config).confirmationUrl);
      case 'invalid':
        return formPage(request, lang, 422, { values, errors: result.errors, service });
      case 'rate-limited':
        return formPage(request, lang, 429, {
          values,
          notice: `${retryMessage(lang, 'limits.nik', result.retryAt)} ${t(lang, 'limits.keptBelow')}`,
          noticeTitle: t(lang, 'limits.nikTitle'),
          service,
          headers: { 'Retry-After': String(retryAfterSeconds(result.retryAt)) },
        });
      case 'duplicate':
      case 'in-progress':
      case 'key-reused': {
        const message = t(lang, result.kind === 'duplicate' ? 'prereg.duplicate' : result.kind === 'in-progress' ? 'prereg.inProgress' : 'prereg.keyReused');
        const content = html`<div class="box unc" role="alert"><p>${message}</p></div><p><a href="${localizePath('/pra-daftar/status/', lang)}">${t(lang, 'prereg.statusLink')}</a></p>`;
        return page(request, lang, 409, t(lang, 'prereg.duplicateTitle'), content.value, true);
      }
    }
  } catch (error) {
    if (isServiceFault('preregistrations.form', error)) return formPage(request, lang, 503, { values, notice: t(lang, 'prereg.unavailable') });
    throw error;
  }
}
