/**
 * POST /api/tips: a report, as JSON (sealed by the page's script, or plain from an API client), a
 * form post or multipart with evidence (no JavaScript). 201 with the receipt (a page showing it, for
 * a form post); 422 with errors in the reader's language and everything typed kept; 409 when the
 * browser sealed to officer keys that have since changed; 400, 403, 413, 415, 405; 503 for a storage
 * or configuration fault, with nothing half written. Never a 500 for any input.
 */
import { tipText } from '../../i18n/tip.ts';
import { html } from '../../lib/html.ts';
import { parseTip, SealedTipSchema, type TipErrors } from '../../schemas/forms/tip.ts';
import { tipForm, tipReceipt, tipValues } from '../../views/tip.ts';
import { isServiceFault, json, type FunctionContext } from '../http.ts';
import { acceptPost } from '../origin.ts';
import { KeysChanged } from '../tip-service.ts';
import { readEvidence, sentences, TIP_BODY_LIMIT, tipContext, tipPage, tipService, unavailableJson } from './tip-common.ts';

/** Whether the honeypot field (hidden from people, see views/tip.ts) was filled in. */
const filledHoneypot = (data: Record<string, unknown>) => typeof data.website === 'string' && data.website.trim() !== '';

export async function handleTips(request: Request, context?: FunctionContext): Promise<Response> {
  const accepted = await acceptPost(request, TIP_BODY_LIMIT);
  if (!accepted.ok) return accepted.response;
  const { body, lang, asPage } = accepted;
  const values = tipValues(body.data);
  const title = tipText(lang, 'tip.formTitle');
  const formPage = (status: number, o: { errors?: TipErrors; notice?: { title: string; text?: string } }) =>
    tipPage(request, lang, status, title, tipForm({ lang, values, filesLost: body.files.length > 0, ...o }).value, { error: true });

  if (filledHoneypot(body.data)) {
    if (!asPage) return json(422, { error: 'honeypot', message: tipText(lang, 'tip.spam') });
    return formPage(422, { notice: { title: tipText(lang, 'tip.errorSummary'), text: tipText(lang, 'tip.spam') } });
  }

  try {
    if (body.kind === 'json' && 'sealed' in body.data) {
      const sealed = SealedTipSchema.safeParse(body.data.sealed);
      if (!sealed.success) {
        // Only the evidence limits are the reporter's to fix; any other shape is a broken client.
        const files = sealed.error.issues.find((i) => i.path[0] === 'files' && i.message.startsWith('files.'));
        return files ? json(422, { errors: sentences(lang, { files: { code: files.message } }) }) : json(400, { error: 'malformed-sealed-report' });
      }
      const service = await tipService(context);
      try {
        return json(201, await service.submitSealed(sealed.data));
      } catch (error) {
        if (error instanceof KeysChanged) return json(409, { error: 'keys-changed', message: tipText(lang, 'tip.keysChanged'), keys: service.publicKeys() });
        throw error;
      }
    }

    const checked = parseTip(body.data, tipContext(context));
    const evidence = await readEvidence(body.files);
    const errors: TipErrors = { ...(checked.ok ? {} : checked.errors), ...(evidence.ok ? {} : { files: evidence.error }) };
    if (!checked.ok || !evidence.ok) {
      if (!asPage) return json(422, { errors: sentences(lang, errors) });
      return formPage(422, { errors });
    }
    const { receipt } = await (await tipService(context)).submitPlain(checked.data, evidence.files);
    if (!asPage) return json(201, { receipt });
    return tipPage(request, lang, 201, tipText(lang, 'tip.receiptTitle'), html`${tipReceipt(lang, receipt)}`.value);
  } catch (error) {
    if (!isServiceFault('tips.submit', error)) throw error;
    if (!asPage) return unavailableJson(lang);
    return formPage(503, { notice: { title: tipText(lang, 'tip.unavailableTitle'), text: tipText(lang, 'tip.unavailable') } });
  }
}
