/**
 * POST /api/tips/messages: the receipt holder adds information or answers an officer, with files.
 * JSON (sealed by the page's script, or plain), or a form post / multipart without JavaScript.
 * 201; 404 for a wrong or unknown receipt; 422 with errors; 429 while locked or after too many
 * follow-ups in a day; 409 when sealed to old officer keys; 503 with nothing half written.
 */
import { tipText } from '../../i18n/tip.ts';
import { html } from '../../lib/html.ts';
import { FollowUpSchema, SealedFollowUpSchema, type FollowUpField } from '../../schemas/forms/tip.ts';
import { firstErrors, type FieldError } from '../../schemas/forms/field-rules.ts';
import { FOLLOW_UP_FIELDS } from '../../schemas/forms/tip.ts';
import { tipFollowUpForm, tipStatusForm, tipStatusResult } from '../../views/tip.ts';
import { isServiceFault, json, retryAfterSeconds, type FunctionContext } from '../http.ts';
import { acceptPost } from '../origin.ts';
import { KeysChanged, type FollowUpResult } from '../tip-service.ts';
import { lockedJson, lockedSentence, readEvidence, readReceipt, sentences, TIP_BODY_LIMIT, tipPage, tipService, unavailableJson } from './tip-common.ts';

export async function handleTipMessages(request: Request, context?: FunctionContext): Promise<Response> {
  const accepted = await acceptPost(request, TIP_BODY_LIMIT);
  if (!accepted.ok) return accepted.response;
  const { body, lang, asPage } = accepted;
  const typedReceipt = typeof body.data.receipt === 'string' ? body.data.receipt : '';
  const message = typeof body.data.message === 'string' ? body.data.message : '';
  const title = tipText(lang, 'tip.statusTitle');
  const filesLost = body.files.length > 0;

  const receipt = readReceipt(body.data);
  if ('error' in receipt) {
    // The receipt came from a hidden field or a script: send the reader back to the status check.
    if (!asPage) return json(422, { errors: sentences(lang, { receipt: receipt.error }) });
    return tipPage(request, lang, 422, title, tipStatusForm({ lang, values: { receipt: typedReceipt }, errors: { receipt: receipt.error } }).value, { error: true });
  }
  const followUpPage = (status: number, o: { errors?: Partial<Record<FollowUpField, FieldError>>; notice?: { title: string; text?: string } }, headers: Record<string, string> = {}) =>
    tipPage(request, lang, status, title, tipFollowUpForm({ lang, receipt: receipt.receipt, values: { message }, filesLost, ...o }).value, { error: true, headers });

  try {
    const service = await tipService(context);
    let result: FollowUpResult;
    if (body.kind === 'json' && 'sealed' in body.data) {
      const sealed = SealedFollowUpSchema.safeParse({ ...(body.data.sealed as object), receipt: receipt.receipt });
      if (!sealed.success) {
        const files = sealed.error.issues.find((i) => i.path[0] === 'files' && i.message.startsWith('files.'));
        return files ? json(422, { errors: sentences(lang, { files: { code: files.message } }) }) : json(400, { error: 'malformed-sealed-message' });
      }
      try {
        result = await service.followUpSealed(sealed.data);
      } catch (error) {
        if (error instanceof KeysChanged) return json(409, { error: 'keys-changed', message: tipText(lang, 'tip.keysChanged'), keys: service.publicKeys() });
        throw error;
      }
    } else {
      const parsed = FollowUpSchema.safeParse({ ...body.data, receipt: receipt.receipt });
      const evidence = await readEvidence(body.files);
      const errors = { ...(parsed.success ? {} : firstErrors(FOLLOW_UP_FIELDS, parsed.error.issues)), ...(evidence.ok ? {} : { files: evidence.error }) };
      if (!parsed.success || !evidence.ok) {
        if (!asPage) return json(422, { errors: sentences(lang, errors) });
        return followUpPage(422, { errors });
      }
      result = await service.followUpPlain(receipt.receipt, parsed.data.message, evidence.files);
    }

    if (result.kind === 'locked') {
      // Locked by wrong guesses at this receipt, or by too many follow-ups today: each says so.
      const [key, titleKey] = result.reason === 'receipt' ? (['tip.statusLocked', 'tip.statusLockedTitle'] as const) : (['tip.followUpLocked', 'tip.followUpLockedTitle'] as const);
      if (!asPage) return lockedJson(lang, key, result.retryAt);
      return followUpPage(429, { notice: { title: tipText(lang, titleKey), text: lockedSentence(lang, key, result.retryAt) } }, { 'Retry-After': String(retryAfterSeconds(result.retryAt)) });
    }
    if (result.kind === 'not-found') {
      if (!asPage) return json(404, { error: 'not-found', message: tipText(lang, 'tip.statusNotFound') });
      return tipPage(request, lang, 404, title, html`${tipStatusResult(lang, undefined)}${tipStatusForm({ lang, values: { receipt: typedReceipt } })}`.value);
    }
    if (!asPage) return json(201, { added: true });
    // Back to the status page, with the new follow-up listed.
    const status = await service.status(receipt.receipt);
    const view = status.kind === 'found' ? tipStatusResult(lang, status) : html``;
    return tipPage(request, lang, 201, title, html`${view}${tipFollowUpForm({ lang, receipt: receipt.receipt, added: true })}`.value);
  } catch (error) {
    if (!isServiceFault('tips.messages', error)) throw error;
    if (!asPage) return unavailableJson(lang);
    return followUpPage(503, { notice: { title: tipText(lang, 'tip.unavailableTitle'), text: tipText(lang, 'tip.unavailable') } });
  }
}
