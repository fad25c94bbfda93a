/**
 * POST /api/tips/status: receipt → status and the officers' messages (200), the same 404 for a wrong
 * or unknown receipt, 429 while the receipt's neighbourhood is locked (tip-service.ts), 422 for a
 * receipt that cannot be one (its check character catches typos before anything is counted).
 */
import { tipText } from '../../i18n/tip.ts';
import { html } from '../../lib/html.ts';
import { tipFollowUpForm, tipStatusForm, tipStatusResult } from '../../views/tip.ts';
import { isServiceFault, json, retryAfterSeconds, type FunctionContext } from '../http.ts';
import { acceptPost } from '../origin.ts';
import { lockedJson, lockedSentence, readReceipt, sentences, tipPage, tipService, unavailableJson } from './tip-common.ts';

export async function handleTipStatus(request: Request, context?: FunctionContext): Promise<Response> {
  const accepted = await acceptPost(request);
  if (!accepted.ok) return accepted.response;
  const { body, lang, asPage } = accepted;
  const typed = typeof body.data.receipt === 'string' ? body.data.receipt : '';
  const title = tipText(lang, 'tip.statusTitle');

  const checked = readReceipt(body.data);
  if ('error' in checked) {
    if (!asPage) return json(422, { errors: sentences(lang, { receipt: checked.error }) });
    return tipPage(request, lang, 422, title, tipStatusForm({ lang, values: { receipt: typed }, errors: { receipt: checked.error } }).value, { error: true });
  }
  try {
    const result = await (await tipService(context)).status(checked.receipt);
    if (result.kind === 'locked') {
      if (!asPage) return lockedJson(lang, 'tip.statusLocked', result.retryAt);
      const notice = { title: tipText(lang, 'tip.statusLockedTitle'), text: lockedSentence(lang, 'tip.statusLocked', result.retryAt) };
      return tipPage(request, lang, 429, title, tipStatusForm({ lang, values: { receipt: typed }, notice }).value, { error: true, headers: { 'Retry-After': String(retryAfterSeconds(result.retryAt)) } });
    }
    if (result.kind === 'not-found') {
      if (!asPage) return json(404, { error: 'not-found', message: tipText(lang, 'tip.statusNotFound') });
      return tipPage(request, lang, 404, title, html`${tipStatusResult(lang, undefined)}${tipStatusForm({ lang, values: { receipt: typed } })}`.value);
    }
    const { status, messages, followUpDays, reportDay } = result;
    if (!asPage) return json(200, { status, receivedOn: reportDay, messages, followUps: followUpDays.map((day) => ({ day })) });
    return tipPage(request, lang, 200, title, html`${tipStatusResult(lang, result)}${tipFollowUpForm({ lang, receipt: checked.receipt })}`.value);
  } catch (error) {
    if (!isServiceFault('tips.status', error)) throw error;
    if (!asPage) return unavailableJson(lang);
    return tipPage(request, lang, 503, title, tipStatusForm({ lang, values: { receipt: typed }, notice: { title: tipText(lang, 'tip.unavailableTitle') } }).value, { error: true });
  }
}
