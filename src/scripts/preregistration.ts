/**
 * Enhances the pre-registration form when JavaScript runs: the visit day becomes a list of open days
 * with places left, and answers are checked in the browser with the same schema and messages as
 * the server, showing the GOV.UK error summary without a round trip. A valid form is then posted
 * as usual, so the journey stays the same with or without JavaScript.
 */
import { formData } from '../generated/form-data.ts';
import { jakartaToday } from '../lib/office-days.ts';
import { parsePreregistration } from '../schemas/forms/preregistration.ts';
import { formValues, preregistrationForm } from '../views/preregistration.ts';
import { t, type Lang } from '../i18n/index.ts';

function context() {
  return {
    today: jakartaToday(),
    closedDays: new Set<string>(formData.closedDays),
    coveredYears: new Set<number>(formData.holidayYears),
    destinations: formData.destinations,
    regencyCodes: new Set<string>(formData.regencies.map((r) => r.code)),
  };
}

function read(form: HTMLFormElement): Record<string, string> {
  const data: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string') data[key] = value;
  });
  return data;
}

export function enhancePreregistration(): void {
  let availability: { date: string; remaining: number }[] | undefined;
  const baseTitle = document.title.replace(/^[^:]+: /, '');

  const bind = (form: HTMLFormElement) => {
    const lang = (form.dataset.lang === 'en' ? 'en' : 'id') as Lang;
    form.addEventListener('submit', (event) => {
      const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
      if (submitter && submitter.value !== 'review') return;
      const data = read(form);
      const result = parsePreregistration(data, context());
      if (result.ok) return; // valid: the browser posts the form to the server as usual
      event.preventDefault();
      replace(form, lang, data, result.errors);
    });
  };

  const fieldOf = (root: ParentNode) => root.querySelector('#visitDate')?.closest('.field');

  const replace = (form: HTMLFormElement, lang: Lang, data: Record<string, string>, errors?: Parameters<typeof preregistrationForm>[0]['errors']) => {
    const template = document.createElement('template');
    template.innerHTML = preregistrationForm({ lang, values: formValues(data), errors, availability }).value;
    const next = template.content.firstElementChild as HTMLFormElement;
    // Until the open days have loaded, keep a list of days the server already rendered.
    const current = fieldOf(form);
    if (!availability && current?.querySelector('select') && !errors?.visitDate) fieldOf(next)?.replaceWith(current.cloneNode(true));
    form.replaceWith(next);
    bind(next);
    const hasErrors = errors && Object.keys(errors).length > 0;
    document.title = hasErrors ? `${t(lang, 'prereg.errorPrefix')}: ${baseTitle}` : baseTitle;
    if (hasErrors) next.querySelector<HTMLElement>('.err-summary')?.focus();
  };

  const form = document.querySelector<HTMLFormElement>('form#prereg');
  if (!form) return;
  bind(form);
  fetch('/api/preregistrations/days', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : undefined))
    .then((body: { days: { date: string; remaining: number }[] } | undefined) => {
      const current = document.querySelector<HTMLFormElement>('form#prereg');
      if (!body || !current) return;
      availability = body.days;
      // Swap only the visit-day field, so nothing the reader is typing moves.
      const template = document.createElement('template');
      const lang = (current.dataset.lang === 'en' ? 'en' : 'id') as Lang;
      template.innerHTML = preregistrationForm({ lang, values: formValues(read(current)), availability }).value;
      const fresh = fieldOf(template.content);
      const old = fieldOf(current);
      if (fresh && old && !old.classList.contains('has-err')) old.replaceWith(fresh);
    })
    .catch(() => undefined);
}
