/**
 * GOV.UK form patterns as HTML fragments, shared by the Astro pages (first render) and the functions
 * (re-render with answers and errors, no JavaScript needed): error summary, fields with hint and
 * error tied by aria-describedby, radios in a fieldset, selects. Nothing the user typed is ever lost:
 * every control is rendered with the value it was sent.
 */
import { html, type Html } from '../lib/html.ts';
import type { Lang } from '../i18n/locales.ts';
import { FORM_WORDS } from '../i18n/form-words.ts';

export interface FieldState {
  /** The message to show, already in the page's language. */
  error?: string | undefined;
  /** A link that helps fix it (a notice). */
  errorLink?: { href: string; label: string } | undefined;
}

const describedBy = (name: string, hint: boolean, state: FieldState) =>
  [hint ? `${name}-hint` : '', state.error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

function errorLine(lang: Lang, name: string, state: FieldState): Html {
  if (!state.error) return html``;
  return html`<p class="ferr" id="${name}-error"><span class="skip">${FORM_WORDS[lang].errorPrefix}: </span>${state.error}${
    state.errorLink ? html` <a href="${state.errorLink.href}">${state.errorLink.label}</a>` : ''
  }</p>`;
}

const hintLine = (name: string, hint: string | undefined) => (hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : '');

/** What every field has: a label, an optional hint, the value sent, and its error if any. */
interface FieldOptions {
  lang: Lang;
  name: string;
  label: string;
  hint?: string | undefined;
  value?: string | undefined;
  state?: FieldState;
  autofocus?: boolean;
}

export interface InputOptions extends FieldOptions {
  type?: 'text' | 'tel' | 'date';
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'text';
  width?: 'short' | 'medium' | 'full';
  min?: string | undefined;
  max?: string | undefined;
  multiline?: boolean;
  /** Visible lines of a multiline field (3 by default). */
  rows?: number;
}

export function textField(o: InputOptions): Html {
  const state = o.state ?? {};
  const aria = describedBy(o.name, Boolean(o.hint), state);
  const common = html`id="${o.name}" name="${o.name}"${aria ? html` aria-describedby="${aria}"` : ''}${state.error ? html` aria-invalid="true"` : ''}${o.autofocus ? html` autofocus` : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}`;
  const control = o.multiline
    ? html`<textarea ${common} rows="${o.rows ?? 3}">${o.value ?? ''}</textarea>`
    : html`<input ${common} type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}${o.min ? html` min="${o.min}"` : ''}${o.max ? html` max="${o.max}"` : ''} class="w-${o.width ?? 'full'}">`;
  return html`<div class="field${state.error ? ' has-err' : ''}"><label for="${o.name}">${o.label}</label>${hintLine(o.name, o.hint)}${errorLine(o.lang, o.name, state)}${control}</div>`;
}

export interface ChoiceOptions extends FieldOptions {
  options: readonly { value: string; label: string; disabled?: boolean }[];
}

export function radios(o: ChoiceOptions): Html {
  const state = o.state ?? {};
  const aria = describedBy(o.name, Boolean(o.hint), state);
  return html`<div class="field${state.error ? ' has-err' : ''}"><fieldset${aria ? html` aria-describedby="${aria}"` : ''}><legend>${o.label}</legend>${hintLine(o.name, o.hint)}${errorLine(o.lang, o.name, state)}${o.options.map(
    (opt, i) =>
      html`<div class="radio"><input type="radio" id="${i === 0 ? o.name : `${o.name}-${i + 1}`}" name="${o.name}" value="${opt.value}"${o.value === opt.value ? html` checked` : ''}${o.autofocus && i === 0 ? html` autofocus` : ''}><label for="${i === 0 ? o.name : `${o.name}-${i + 1}`}">${opt.label}</label></div>`,
  )}</fieldset></div>`;
}

export function select(o: ChoiceOptions & { placeholder: string }): Html {
  const state = o.state ?? {};
  const aria = describedBy(o.name, Boolean(o.hint), state);
  return html`<div class="field${state.error ? ' has-err' : ''}"><label for="${o.name}">${o.label}</label>${hintLine(o.name, o.hint)}${errorLine(o.lang, o.name, state)}<select id="${o.name}" name="${o.name}"${aria ? html` aria-describedby="${aria}"` : ''}${state.error ? html` aria-invalid="true"` : ''}${o.autofocus ? html` autofocus` : ''}><option value="">${o.placeholder}</option>${o.options.map(
    (opt) => html`<option value="${opt.value}"${o.value === opt.value ? html` selected` : ''}${opt.disabled ? html` disabled` : ''}>${opt.label}</option>`,
  )}</select></div>`;
}

export function checkbox(o: { lang: Lang; name: string; label: Html | string; checked: boolean; state?: FieldState; value?: string }): Html {
  const state = o.state ?? {};
  return html`<div class="field${state.error ? ' has-err' : ''}">${errorLine(o.lang, o.name, state)}<div class="radio"><input type="checkbox" id="${o.name}" name="${o.name}" value="${o.value ?? 'ya'}"${o.checked ? html` checked` : ''}${state.error ? html` aria-describedby="${o.name}-error" aria-invalid="true"` : ''}><label for="${o.name}">${o.label}</label></div></div>`;
}

/** The GOV.UK error summary: announced, focused on load, each error a link to its field. */
export function errorSummary(lang: Lang, errors: { field: string; message: string }[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="err-summary" role="alert" tabindex="-1" aria-labelledby="err-h" autofocus><h2 id="err-h">${FORM_WORDS[lang].errorSummary}</h2><ul>${errors.map(
    (e) => html`<li><a href="#${e.field}">${e.message}</a></li>`,
  )}</ul></div>`;
}

/**
 * A file picker. A browser never re-fills one (nor may a page), so after an error the page says so
 * next to the field (`reselect`). `accept` only guides the picker: the server checks the bytes.
 */
export function fileField(o: FieldOptions & { accept: string; multiple?: boolean; warning?: string; reselect?: string | undefined }): Html {
  const state = o.state ?? {};
  const aria = [o.hint ? `${o.name}-hint` : '', o.warning ? `${o.name}-warning` : '', state.error ? `${o.name}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${state.error ? ' has-err' : ''}"><label for="${o.name}">${o.label}</label>${hintLine(o.name, o.hint)}${
    o.warning ? html`<p class="hint hint-warn" id="${o.name}-warning">${o.warning}</p>` : ''
  }${o.reselect ? html`<p class="hint"><strong>${o.reselect}</strong></p>` : ''}${errorLine(o.lang, o.name, state)}<input type="file" id="${o.name}" name="${o.name}" accept="${o.accept}"${o.multiple ? html` multiple` : ''}${aria ? html` aria-describedby="${aria}"` : ''}${state.error ? html` aria-invalid="true"` : ''}></div>`;
}

/** What was sent, as strings for re-rendering a form: strings as they are, booleans as "ya"/"tidak". */
export function sentValues<F extends string>(data: Record<string, unknown>, fields: readonly F[]): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const value = data[field];
    if (typeof value === 'string') out[field] = value;
    else if (typeof value === 'boolean') out[field] = value ? 'ya' : 'tidak';
  }
  return out;
}
