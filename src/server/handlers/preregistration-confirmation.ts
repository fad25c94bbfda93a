/** GET /pra-daftar/bukti/?t=…: the confirmation page after a form post (code, day, QR, checklist). */
import QRCode from 'qrcode';
import { localizePath, splitLocalePath, t } from '../../i18n/index.ts';
import { html } from '../../lib/html.ts';
import { confirmationPage } from '../../views/preregistration.ts';
import { loadConfig } from '../config.ts';
import { htmlPage, isServiceFault, methodNotAllowed } from '../http.ts';
import { checklistOf, readConfirmationToken } from '../preregistration-service.ts';
import { fillShell, pageShell } from '../shell.ts';

export async function handleConfirmation(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(['GET']);
  const url = new URL(request.url);
  const { lang } = splitLocalePath(url.pathname);
  const shell = await pageShell(lang, request.url);
  let answer;
  try {
    answer = readConfirmationToken(await loadConfig(), url.searchParams.get('t') ?? '');
  } catch (error) {
    if (!isServiceFault('preregistrations.confirmation', error)) throw error;
    const content = html`<div class="err-summary" role="alert" tabindex="-1"><h2>${t(lang, 'prereg.unavailableTitle')}</h2></div><p><a href="${localizePath('/pra-daftar/status/', lang)}">${t(lang, 'prereg.statusLink')}</a></p>`;
    return htmlPage(503, fillShell(shell, lang, t(lang, 'prereg.doneTitle'), content.value, { error: true }));
  }
  if (!answer) {
    const content = html`<div class="box unc" role="alert"><p>${t(lang, 'prereg.expired')}</p></div><p><a href="${localizePath('/pra-daftar/status/', lang)}">${t(lang, 'prereg.statusLink')}</a></p>`;
    return htmlPage(404, fillShell(shell, lang, t(lang, 'prereg.doneTitle'), content.value));
  }
  const qrSvg = await QRCode.toString(answer.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#0b0c0c', light: '#ffffff' } });
  const content = confirmationPage({ lang, code: answer.code, visitDate: answer.visitDate, checklist: checklistOf(answer), qrSvg });
  return htmlPage(200, fillShell(shell, lang, t(lang, 'prereg.doneTitle'), content.value));
}
