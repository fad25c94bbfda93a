/**
 * The tip (lapor) pages as HTML fragments: the form, the receipt, the status check, its result and
 * the follow-up form. The Astro pages render the empty forms with these; the functions render the same
 * markup with the reporter's answers, errors and results; the page's script re-renders them in the
 * browser. Nothing typed is lost on an error; files cannot be re-filled by any page, so it says so.
 */
import { html, type Html } from '../lib/html.ts';
import { localizePath, type Lang } from '../i18n/locales.ts';
import { tipErrorMessage, tipText, type TipKey } from '../i18n/tip.ts';
import { formData } from '../generated/form-data.ts';
import { formatDate } from '../lib/dates.ts';
import { ACCEPTED_FILE_TYPES, type TipStatus } from '../lib/tip-facts.ts';
import { TIP_FIELDS, FOLLOW_UP_FIELDS, type TipErrors, type TipField, type FollowUpField } from '../schemas/forms/tip.ts';
import { CHILD_INVOLVED, DESTINATION_ELSEWHERE, EARLIEST_YEAR_OFFSET, MONTHS, PEOPLE_COUNTS, PLACE_ELSEWHERE, TIP_CATEGORIES } from '../schemas/forms/tip-fields.ts';
import type { FieldError } from '../schemas/forms/field-rules.ts';
import type { Option } from '../schemas/forms/preregistration-fields.ts';
import { checkbox, errorSummary, fileField, radios, select, sentValues, textField, type FieldState } from './form-parts.ts';

export type TipValues = Partial<Record<TipField | 'website', string>>;

const tr = (lang: Lang, key: TipKey) => tipText(lang, key);
const labelled = (lang: Lang, options: readonly Option[]) => options.map((o) => ({ value: o.value, label: o.label[lang] }));
const day = (value: string, lang: Lang) => formatDate(new Date(`${value}T00:00:00Z`), lang === 'id' ? 'id-ID' : 'en-GB');
const ACCEPT = ACCEPTED_FILE_TYPES.join(',');

/** String form of what was sent, for re-rendering (booleans become "ya"/"tidak"). */
export const tipValues = (data: Record<string, unknown>): TipValues => sentValues(data, [...TIP_FIELDS, 'website'] as const);

function messages<F extends string>(lang: Lang, fields: readonly F[], errors: Partial<Record<F, FieldError>>) {
  return fields.flatMap((field) => (errors[field] ? [{ field, message: tipErrorMessage(lang, errors[field]!.code) }] : []));
}

/** A notice above a form (a service fault, a lock), announced and focused like the error summary. */
function notice(title: string, text?: string): Html {
  return html`<div class="err-summary" role="alert" tabindex="-1" autofocus><h2>${title}</h2>${text ? html`<p>${text}</p>` : ''}</div>`;
}

export interface TipFormOptions {
  lang: Lang;
  values?: TipValues;
  errors?: TipErrors;
  /** A notice instead of the error summary (storage fault), already in the page's language. */
  notice?: { title: string; text?: string } | undefined;
  /** Files had been chosen: the page says to choose them again. */
  filesLost?: boolean;
  /** Today in Jakarta (YYYY-MM-DD), for the list of years; the day of rendering by default. */
  today?: string;
}

export function tipForm(o: TipFormOptions): Html {
  const { lang } = o;
  const values = o.values ?? {};
  const list = messages(lang, TIP_FIELDS, o.errors ?? {});
  const state = (field: TipField): FieldState => ({ error: list.find((e) => e.field === field)?.message });
  const common = (name: TipField) => ({ lang, name, value: values[name], state: state(name) });
  const thisYear = Number((o.today ?? new Date().toISOString().slice(0, 10)).slice(0, 4));
  const years = Array.from({ length: EARLIEST_YEAR_OFFSET + 1 }, (_, i) => String(thisYear - i));
  const contactWanted = values.contactWanted === 'ya' || values.contactWanted === 'true';

  return html`<form method="post" action="/api/tips" enctype="multipart/form-data" novalidate id="tip" class="form" data-lang="${lang}">
${o.notice ? notice(o.notice.title, o.notice.text) : errorSummary(lang, list)}
<input type="hidden" name="lang" value="${lang}">
${radios({ ...common('category'), label: tr(lang, 'tip.category'), options: labelled(lang, TIP_CATEGORIES) })}
${textField({ ...common('what'), label: tr(lang, 'tip.what'), hint: tr(lang, 'tip.what.hint'), multiline: true, rows: 8 })}
${select({
  ...common('place'), label: tr(lang, 'tip.place'), hint: tr(lang, 'tip.place.hint'), placeholder: tr(lang, 'tip.place.choose'),
  options: [...formData.regencies.map((r) => ({ value: r.code, label: `${r.kind === 'kota' ? 'Kota ' : 'Kabupaten '}${r.name}` })), ...labelled(lang, PLACE_ELSEWHERE)],
})}
${textField({ ...common('placeDetail'), label: tr(lang, 'tip.placeDetail'), hint: tr(lang, 'tip.placeDetail.hint'), autocomplete: 'off' })}
${select({ ...common('whenMonth'), label: `${tr(lang, 'tip.when')} ${tr(lang, 'tip.whenMonth')}`, hint: tr(lang, 'tip.when.hint'), placeholder: tr(lang, 'tip.whenMonth.choose'), options: MONTHS[lang].map((m, i) => ({ value: String(i + 1), label: m })) })}
${select({ ...common('whenYear'), label: `${tr(lang, 'tip.when')} ${tr(lang, 'tip.whenYear')}`, placeholder: tr(lang, 'tip.whenYear.choose'), options: [...years.map((y) => ({ value: y, label: y })), { value: 'sebelumnya', label: tr(lang, 'tip.whenYear.earlier') }] })}
${textField({ ...common('who'), label: tr(lang, 'tip.who'), hint: tr(lang, 'tip.who.hint'), multiline: true, rows: 3, autocomplete: 'off' })}
${select({ ...common('howMany'), label: tr(lang, 'tip.howMany'), placeholder: tr(lang, 'tip.howMany.choose'), options: labelled(lang, PEOPLE_COUNTS) })}
${select({
  ...common('destination'), label: tr(lang, 'tip.destination'), placeholder: tr(lang, 'tip.destination.choose'),
  options: [...formData.destinations.map((d) => ({ value: d.slug, label: d.name[lang] })), ...labelled(lang, DESTINATION_ELSEWHERE)],
})}
${radios({ ...common('childInvolved'), label: tr(lang, 'tip.childInvolved'), hint: tr(lang, 'tip.childInvolved.hint'), options: labelled(lang, CHILD_INVOLVED) })}
${fileField({ lang, name: 'files', label: tr(lang, 'tip.files'), hint: tr(lang, 'tip.files.hint'), warning: tr(lang, 'tip.files.pdfWarning'), accept: ACCEPT, multiple: true, state: state('files'), reselect: o.filesLost ? tr(lang, 'tip.filesKept') : undefined })}
${radios({
  lang, name: 'contactWanted', label: tr(lang, 'tip.contactWanted'), hint: tr(lang, 'tip.contactWanted.hint'), value: contactWanted ? 'ya' : 'tidak', state: state('contactWanted'),
  options: [{ value: 'tidak', label: tr(lang, 'tip.contactWanted.no') }, { value: 'ya', label: tr(lang, 'tip.contactWanted.yes') }],
})}
${textField({ ...common('contact'), label: tr(lang, 'tip.contact'), hint: tr(lang, 'tip.contact.hint'), autocomplete: 'off' })}
${checkbox({ lang, name: 'consent', label: html`${tr(lang, 'tip.consent')} <a href="${localizePath('/privasi/', lang)}">${tr(lang, 'tip.consent.link')}</a>`, checked: values.consent === 'ya' || values.consent === 'true', state: state('consent') })}
<div class="hp" aria-hidden="true"><label for="website">${tr(lang, 'tip.honeypot')}</label><input type="text" id="website" name="website" value="${values.website ?? ''}" tabindex="-1" autocomplete="off"></div>
<button type="submit">${tr(lang, 'tip.submit')}</button>
<p class="muted" id="tip-progress" role="status" aria-live="polite"></p>
</form>`;
}

/** The receipt, shown once, with how to keep it safe; printable. */
export function tipReceipt(lang: Lang, receipt: string): Html {
  return html`<div class="tip-box receipt" role="status" aria-labelledby="receipt-h">
<h2 id="receipt-h">${tr(lang, 'tip.receiptTitle')}</h2>
<p>${tr(lang, 'tip.receiptIntro')}</p>
<p class="receipt-label">${tr(lang, 'tip.receiptLabel')}</p>
<p class="code receipt-code" translate="no">${receipt}</p>
<ul>
<li>${tr(lang, 'tip.receiptKeep')}</li>
<li>${tr(lang, 'tip.receiptSecret')}</li>
<li>${tr(lang, 'tip.receiptLost')}</li>
</ul>
<p class="no-print"><button type="button" class="secondary" data-print hidden>${tr(lang, 'tip.receiptPrint')}</button> <a href="${localizePath('/lapor/status/', lang)}">${tr(lang, 'tip.receiptStatusLink')}</a></p>
</div>`;
}

export interface StatusFormOptions {
  lang: Lang;
  values?: { receipt?: string };
  errors?: { receipt?: FieldError };
  notice?: { title: string; text?: string } | undefined;
}

/** The status check: the receipt. */
export function tipStatusForm(o: StatusFormOptions): Html {
  const { lang } = o;
  const list = messages(lang, ['receipt'] as const, o.errors ?? {});
  return html`<form method="post" action="/api/tips/status" novalidate class="form" id="tip-status" data-lang="${lang}">
${o.notice ? notice(o.notice.title, o.notice.text) : errorSummary(lang, list)}
<input type="hidden" name="lang" value="${lang}">
${textField({ lang, name: 'receipt', label: tr(lang, 'tip.receipt'), hint: tr(lang, 'tip.receipt.hint'), value: o.values?.receipt, state: { error: list[0]?.message }, autocomplete: 'off', width: 'medium' })}
<button type="submit">${tr(lang, 'tip.statusCheck')}</button>
</form>`;
}

export interface StatusView {
  status: TipStatus;
  reportDay: string;
  messages: { day: string; text: string }[];
  followUpDays: string[];
}

/** The status, the officers' messages (line breaks kept, as text), and what the reporter added. */
export function tipStatusResult(lang: Lang, result: StatusView | undefined): Html {
  if (!result) return html`<div class="box unc" role="status"><p>${tr(lang, 'tip.statusNotFound')}</p></div>`;
  return html`<div class="tip-box" role="status" aria-labelledby="status-h">
<h2 id="status-h">${tr(lang, 'tip.statusResult')}</h2>
<dl class="facts"><dt>${tr(lang, 'tip.statusResult')}</dt><dd>${tr(lang, `tip.status.${result.status}` as TipKey)}</dd><dt>${tr(lang, 'tip.receivedOn')}</dt><dd>${day(result.reportDay, lang)}</dd></dl>
<p class="muted">${tr(lang, 'tip.reportNotShown')}</p>
</div>
<h2>${tr(lang, 'tip.messages')}</h2>
${result.messages.length === 0
  ? html`<p>${tr(lang, 'tip.noMessages')}</p>`
  : html`<ol class="messages">${result.messages.map((m) => html`<li><p class="muted">${tr(lang, 'tip.messageOn')} ${day(m.day, lang)}</p><p class="message-text">${m.text}</p></li>`)}</ol>`}
${result.followUpDays.length > 0
  ? html`<h2>${tr(lang, 'tip.followUpsSent')}</h2><ul>${result.followUpDays.map((d) => html`<li>${tr(lang, 'tip.followUpOn')} ${day(d, lang)}</li>`)}</ul>`
  : ''}`;
}

export interface FollowUpFormOptions {
  lang: Lang;
  receipt: string;
  values?: { message?: string };
  errors?: Partial<Record<FollowUpField, FieldError>>;
  notice?: { title: string; text?: string } | undefined;
  /** Shown after a follow-up was stored. */
  added?: boolean;
  filesLost?: boolean;
}

/** More information or an answer, with files; carries the receipt the reporter just typed. */
export function tipFollowUpForm(o: FollowUpFormOptions): Html {
  const { lang } = o;
  const list = messages(lang, FOLLOW_UP_FIELDS, o.errors ?? {});
  const state = (field: FollowUpField): FieldState => ({ error: list.find((e) => e.field === field)?.message });
  return html`<h2 id="follow-up-h">${tr(lang, 'tip.followUpTitle')}</h2>
${o.added ? html`<div class="tip-box" role="status"><p>${tr(lang, 'tip.followUpAdded')}</p></div>` : ''}
<form method="post" action="/api/tips/messages" enctype="multipart/form-data" novalidate class="form" id="tip-follow-up" data-lang="${lang}" aria-labelledby="follow-up-h">
${o.notice ? notice(o.notice.title, o.notice.text) : errorSummary(lang, list)}
<input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="receipt" value="${o.receipt}">
${textField({ lang, name: 'message', label: tr(lang, 'tip.message'), hint: tr(lang, 'tip.message.hint'), value: o.values?.message, state: state('message'), multiline: true, rows: 6 })}
${fileField({ lang, name: 'files', label: tr(lang, 'tip.files'), hint: tr(lang, 'tip.files.hint'), warning: tr(lang, 'tip.files.pdfWarning'), accept: ACCEPT, multiple: true, state: state('files'), reselect: o.filesLost ? tr(lang, 'tip.filesKept') : undefined })}
<button type="submit">${tr(lang, 'tip.followUpSubmit')}</button>
<p class="muted" id="follow-up-progress" role="status" aria-live="polite"></p>
</form>`;
}
