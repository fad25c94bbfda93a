/**
 * The pre-registration pages as HTML fragments: the form, "check your answers", the confirmation,
 * and the status check. The Astro pages render the empty form with these; the functions render the
 * same markup with the applicant's answers, errors, and results.
 */
import { html, raw, type Html } from '../lib/html.ts';
import { localizePath, t, type Lang, type UiKey } from '../i18n/index.ts';
import { formErrorMessage } from '../i18n/form-errors.ts';
import { formData } from '../generated/form-data.ts';
import type { ChecklistItem } from '../lib/checklist.ts';
import { formatDate } from '../lib/dates.ts';
import { coverageCut, holidayCoverageWarning, isRealDate, jakartaToday, officeDaysInWindow, yearOf } from '../lib/office-days.ts';
import { PREREGISTRATION_FIELDS, type FieldErrors, type PreregistrationField } from '../schemas/forms/preregistration.ts';
import { EDUCATION_LEVELS, JOB_SECTORS, MARITAL_STATUSES, SCHEMES, SEXES, type Option } from '../schemas/forms/preregistration-fields.ts';
import { checkbox, errorSummary, radios, select, sentValues, textField, type FieldState } from './form-parts.ts';

export type FormValues = Partial<Record<PreregistrationField | 'confirmNikMismatch', string>>;

const tr = (lang: Lang, key: UiKey) => t(lang, key);
const longDate = (day: string, lang: Lang) => formatDate(new Date(`${day}T00:00:00Z`), lang === 'id' ? 'id-ID' : 'en-GB');
const longDay = (day: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
const closedDays = new Set<string>(formData.closedDays);
const coveredYears = new Set<number>(formData.holidayYears);
const labelled = (lang: Lang, options: readonly Option[]) => options.map((o) => ({ value: o.value, label: o.label[lang] }));

/** Errors in page order, as sentences, for the summary and the fields. */
export function errorList(lang: Lang, errors: FieldErrors): { field: PreregistrationField; message: string; link?: string }[] {
  return PREREGISTRATION_FIELDS.flatMap((field) => {
    const error = errors[field];
    if (!error) return [];
    return [{ field, message: formErrorMessage(lang, error, formData.destinations), ...(error.link ? { link: error.link } : {}) }];
  });
}

/** String form of a value sent by JSON or a form (booleans become "ya"/"tidak"). */
export const formValues = (data: Record<string, unknown>): FormValues => sentValues(data, [...PREREGISTRATION_FIELDS, 'confirmNikMismatch'] as const);

export interface FormRenderOptions {
  lang: Lang;
  values?: FormValues;
  errors?: FieldErrors;
  /** Places left per office day; when known, the visit day is a list of days. */
  availability?: { date: string; remaining: number }[] | undefined;
  /** A message above the form (storage fault), already in the page language. */
  notice?: string | undefined;
  /** The heading over the notice; "the service is not working" when not given. */
  noticeTitle?: string | undefined;
  /** The field to put the cursor in (after "Change" on the check-your-answers page). */
  focus?: PreregistrationField | undefined;
  /**
   * Today in Jakarta, YYYY-MM-DD; by default the day of rendering, which is right for the functions
   * and the browser script.
   */
  today?: string | undefined;
  /**
   * Set by the static page, which is built once and served until the next build: it shows no example
   * date (it would go stale), and says which days the holiday data does not cover yet from the day
   * the build warns about it (see visitDateHint).
   */
  staticPage?: boolean | undefined;
}

/** Replaces {name} placeholders in a UI string. */
const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/**
 * The visit-day hint: the rule, how to write a date (in the date field), and why fewer days are
 * offered when the window reaches a year whose holidays are not yet known.
 */
function visitDateHint(lang: Lang, today: string, o: { dateInput: boolean; staticPage: boolean }): string {
  const parts = [tr(lang, 'prereg.visitDate.hint')];
  if (o.dateInput) {
    const example = o.staticPage ? undefined : officeDaysInWindow(today, closedDays, coveredYears)[0];
    parts.push(example ? fill(tr(lang, 'prereg.visitDate.example'), { date: example }) : tr(lang, 'prereg.visitDate.format'));
  }
  // The static page is built once and served until the next build; it says it from the day the build
  // warns (1 October without next year's holidays), since the sentence stays true until a build adds them.
  const next = yearOf(today) + 1;
  const warned = o.staticPage && !coveredYears.has(next) && holidayCoverageWarning(today, formData.holidayYears) !== undefined;
  const cut = coverageCut(today, closedDays, coveredYears) ?? (warned ? { year: next, firstUncovered: `${next}-01-01` } : undefined);
  if (cut) parts.push(fill(tr(lang, 'prereg.visitDate.cut'), { year: String(cut.year), from: longDate(cut.firstUncovered, lang) }));
  return parts.join(' ');
}

export function preregistrationForm(o: FormRenderOptions): Html {
  const { lang } = o;
  const values = o.values ?? {};
  const list = errorList(lang, o.errors ?? {});
  const state = (field: PreregistrationField): FieldState => {
    const e = list.find((x) => x.field === field);
    return { error: e?.message, errorLink: e?.link ? { href: localizePath(e.link, lang), label: lang === 'id' ? 'Baca pengumumannya' : 'Read the notice' } : undefined };
  };
  // The props every field shares; `focus` puts the cursor in the field a "Change" link chose.
  const common = (name: PreregistrationField) => ({ lang, name, value: values[name], state: state(name), autofocus: o.focus === name });
  const nikWarning = o.errors?.nik?.code === 'nik.mismatch' || values.confirmNikMismatch === 'ya';
  const today = o.today ?? jakartaToday();
  const visitHint = visitDateHint(lang, today, { dateInput: !o.availability, staticPage: o.staticPage ?? false });
  const visitDate = o.availability
    ? select({
        ...common('visitDate'), label: tr(lang, 'prereg.visitDate'), hint: visitHint,
        placeholder: tr(lang, 'prereg.choose'),
        options: [
          // A day chosen earlier that is no longer open stays shown and selected: nothing typed is lost.
          ...(values.visitDate && !o.availability.some((d) => d.date === values.visitDate)
            ? [{ value: values.visitDate, label: `${isRealDate(values.visitDate) ? longDay(values.visitDate, lang) : values.visitDate} (${tr(lang, 'prereg.visitDate.unavailable')})` }]
            : []),
          ...o.availability.map((d) => ({
            value: d.date,
            label: `${longDay(d.date, lang)} (${d.remaining > 0 ? `${d.remaining} ${tr(lang, 'prereg.visitDate.places')}` : tr(lang, 'prereg.visitDate.full')})`,
            disabled: d.remaining === 0 && values.visitDate !== d.date,
          })),
        ],
      })
    : textField({ ...common('visitDate'), label: tr(lang, 'prereg.visitDate'), hint: visitHint, type: 'date', width: 'medium' });

  return html`<form method="post" action="/api/preregistrations" novalidate id="prereg" class="form" data-lang="${lang}">
${o.notice ? html`<div class="err-summary" role="alert" tabindex="-1" autofocus><h2>${o.noticeTitle ?? tr(lang, 'prereg.unavailableTitle')}</h2><p>${o.notice}</p></div>` : errorSummary(lang, list)}
<input type="hidden" name="lang" value="${lang}">
<p>${tr(lang, 'prereg.required')}</p>
${textField({ ...common('fullName'), label: tr(lang, 'prereg.fullName'), hint: tr(lang, 'prereg.fullName.hint'), autocomplete: 'name' })}
${textField({ ...common('nik'), label: tr(lang, 'prereg.nik'), hint: tr(lang, 'prereg.nik.hint'), inputmode: 'numeric', autocomplete: 'off', width: 'medium' })}
${nikWarning ? checkbox({ lang, name: 'confirmNikMismatch', label: tr(lang, 'prereg.nikConfirm'), checked: values.confirmNikMismatch === 'ya' }) : ''}
${textField({ ...common('birthDate'), label: tr(lang, 'prereg.birthDate'), hint: tr(lang, 'prereg.birthDate.hint'), type: 'date', autocomplete: 'bday', width: 'medium' })}
${radios({ ...common('sex'), label: tr(lang, 'prereg.sex'), options: labelled(lang, SEXES) })}
${textField({ ...common('phone'), label: tr(lang, 'prereg.phone'), hint: tr(lang, 'prereg.phone.hint'), type: 'tel', inputmode: 'tel', autocomplete: 'tel', width: 'medium' })}
${select({ ...common('regency'), label: tr(lang, 'prereg.regency'), placeholder: tr(lang, 'prereg.regency.choose'), options: formData.regencies.map((r) => ({ value: r.code, label: `${r.kind === 'kota' ? 'Kota ' : 'Kabupaten '}${r.name}` })) })}
${textField({ ...common('address'), label: tr(lang, 'prereg.address'), hint: tr(lang, 'prereg.address.hint'), autocomplete: 'street-address', multiline: true })}
${select({ ...common('education'), label: tr(lang, 'prereg.education'), placeholder: tr(lang, 'prereg.choose'), options: labelled(lang, EDUCATION_LEVELS) })}
${select({ ...common('destinationCountry'), label: tr(lang, 'prereg.destinationCountry'), placeholder: tr(lang, 'prereg.choose'), options: formData.destinations.map((d) => ({ value: d.slug, label: d.name[lang] })) })}
${radios({ ...common('jobSector'), label: tr(lang, 'prereg.jobSector'), options: labelled(lang, JOB_SECTORS) })}
${radios({ ...common('scheme'), label: tr(lang, 'prereg.scheme'), hint: tr(lang, 'prereg.scheme.hint'), options: labelled(lang, SCHEMES) })}
${radios({ ...common('hasPassport'), label: tr(lang, 'prereg.hasPassport'), options: [{ value: 'ya', label: tr(lang, 'prereg.yes') }, { value: 'tidak', label: tr(lang, 'prereg.no') }] })}
${radios({ ...common('maritalStatus'), label: tr(lang, 'prereg.maritalStatus'), options: labelled(lang, MARITAL_STATUSES) })}
${visitDate}
${checkbox({ lang, name: 'consent', label: html`${tr(lang, 'prereg.consent')} <a href="${localizePath('/privasi/', lang)}">${tr(lang, 'prereg.consent.link')}</a>`, checked: values.consent === 'ya' || values.consent === 'true', state: state('consent') })}
<button type="submit" name="action" value="review">${tr(lang, 'prereg.continue')}</button>
</form>`;
}

/** How an answer reads on "check your answers". */
export function answerText(lang: Lang, field: PreregistrationField, value: string | undefined): string {
  const find = (options: readonly Option[]) => options.find((o) => o.value === value)?.label[lang] ?? value ?? '';
  switch (field) {
    case 'sex': return find(SEXES);
    case 'education': return find(EDUCATION_LEVELS);
    case 'jobSector': return find(JOB_SECTORS);
    case 'scheme': return find(SCHEMES);
    case 'maritalStatus': return find(MARITAL_STATUSES);
    case 'hasPassport': return value === 'ya' || value === 'true' ? tr(lang, 'prereg.yes') : tr(lang, 'prereg.no');
    case 'regency': {
      const r = formData.regencies.find((x) => x.code === value);
      return r ? `${r.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${r.name}` : value ?? '';
    }
    case 'destinationCountry': return formData.destinations.find((d) => d.slug === value)?.name[lang] ?? value ?? '';
    case 'birthDate':
    case 'visitDate': return value && isRealDate(value) ? longDay(value, lang) : value ?? '';
    case 'consent': return tr(lang, 'prereg.yes');
    default: return value ?? '';
  }
}

/** "Check your answers": every answer with a Change button, the answers carried in hidden fields. */
export function reviewPage(o: { lang: Lang; values: FormValues; idempotencyKey: string }): Html {
  const { lang, values } = o;
  const labels: Record<PreregistrationField, UiKey> = {
    fullName: 'prereg.fullName', nik: 'prereg.nik', birthDate: 'prereg.birthDate', sex: 'prereg.sex', phone: 'prereg.phone', regency: 'prereg.regency',
    address: 'prereg.address', education: 'prereg.education', destinationCountry: 'prereg.destinationCountry', jobSector: 'prereg.jobSector', scheme: 'prereg.scheme',
    hasPassport: 'prereg.hasPassport', maritalStatus: 'prereg.maritalStatus', visitDate: 'prereg.visitDate', consent: 'prereg.consent',
  };
  const hidden = Object.entries(values).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  return html`<form method="post" action="/api/preregistrations" class="form review">
<input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="idempotencyKey" value="${o.idempotencyKey}">
${hidden}
<p>${tr(lang, 'prereg.reviewLead')}</p>
<dl class="answers">${PREREGISTRATION_FIELDS.filter((f) => f !== 'consent').map(
    (field) => html`<div><dt>${tr(lang, labels[field])}</dt><dd>${answerText(lang, field, values[field])}</dd><dd><button type="submit" name="action" value="edit:${field}" class="link">${tr(lang, 'prereg.change')}<span class="skip"> ${tr(lang, labels[field])}</span></button></dd></div>`,
  )}</dl>
<div class="warn"><div>${tr(lang, 'prereg.neverPay')}</div></div>
<button type="submit" name="action" value="confirm">${tr(lang, 'prereg.submit')}</button>
</form>`;
}

export function confirmationPage(o: { lang: Lang; code: string; visitDate: string; checklist: ChecklistItem[]; qrSvg: string }): Html {
  const { lang } = o;
  const office = formData.office;
  const item = (i: ChecklistItem) => html`<li>${i.text[lang]}${i.note ? html`<br><span class="muted">${i.note[lang]}</span>` : ''}</li>`;
  const visit = o.checklist.filter((i) => i.when === 'visit');
  const later = o.checklist.filter((i) => i.when === 'later');
  return html`<div class="done">
<div class="panel"><p>${tr(lang, 'prereg.code')}</p><p class="code" id="kode">${o.code}</p><figure class="qr">${raw(o.qrSvg)}<figcaption class="skip">${tr(lang, 'prereg.qr')}</figcaption></figure></div>
<p>${tr(lang, 'prereg.codeHint')}</p>
<dl class="facts"><dt>${tr(lang, 'prereg.visitOn')}</dt><dd>${longDay(o.visitDate, lang)}</dd><dt>${tr(lang, 'prereg.office')}</dt><dd>${office.name[lang]}. ${office.address[lang]}${office.addressConfirmed ? '' : html` <mark class="unc">(${tr(lang, 'confirm.inline')})</mark>`}</dd></dl>
<div class="warn"><div>${tr(lang, 'prereg.neverPay')}</div></div>
<h2>${tr(lang, 'prereg.checklistVisit')}</h2>
<ul class="checklist">${visit.map(item)}</ul>
<h2>${tr(lang, 'prereg.checklistLater')}</h2>
<ul>${later.map(item)}</ul>
<p class="muted no-print">${tr(lang, 'prereg.print')}</p>
<p><a href="${localizePath('/pra-daftar/status/', lang)}">${tr(lang, 'prereg.statusLink')}</a></p>
</div>`;
}

export function statusForm(o: { lang: Lang; values?: { code?: string; birthDate?: string }; errors?: { code?: string; birthDate?: string } }): Html {
  const { lang } = o;
  const errors = o.errors ?? {};
  const list = (['code', 'birthDate'] as const).flatMap((field) => (errors[field] ? [{ field, message: errors[field]! }] : []));
  return html`<form method="post" action="/api/preregistrations/status" novalidate class="form" id="status-form">
${errorSummary(lang, list)}
<input type="hidden" name="lang" value="${lang}">
${textField({ lang, name: 'code', label: tr(lang, 'prereg.statusCode'), hint: tr(lang, 'prereg.statusCode.hint'), value: o.values?.code, state: { error: errors.code }, autocomplete: 'off', width: 'medium' })}
${textField({ lang, name: 'birthDate', label: tr(lang, 'prereg.birthDate'), hint: tr(lang, 'prereg.birthDate.hint'), value: o.values?.birthDate, state: { error: errors.birthDate }, type: 'date', width: 'medium' })}
<button type="submit">${tr(lang, 'prereg.statusCheck')}</button>
</form>`;
}

export function statusResult(lang: Lang, result: { status: string; visitDate: string; code: string } | undefined): Html {
  if (!result) return html`<div class="box unc" role="status"><p>${tr(lang, 'prereg.statusNotFound')}</p></div>`;
  return html`<div class="panel" role="status"><h2>${tr(lang, 'prereg.statusResult')}</h2><p class="code">${result.code}</p><dl class="facts"><dt>${tr(lang, 'prereg.statusResult')}</dt><dd>${tr(lang, `prereg.status.${result.status}` as UiKey)}</dd><dt>${tr(lang, 'prereg.visitOn')}</dt><dd>${longDay(result.visitDate, lang)}</dd></dl></div>`;
}

