/**
 * The reporting (lapor) pages when JavaScript runs. A report or a follow-up is checked in the browser
 * with the same schema and messages as the function, its photos are drawn again on a canvas (which
 * leaves their EXIF, GPS and device data behind) and everything is sealed here, to the officers'
 * public keys, before it is sent: in this path no word of the report leaves the reader's browser.
 *
 * Without JavaScript, or where this browser cannot seal (no WebCrypto, or sealing fails), the form is
 * posted as it is and the function seals it. A network error never falls back to that post (it would
 * fail too): the reader sees the error with everything typed still in the form, files included.
 */
import { formData } from '../generated/form-data.ts';
import type { Lang } from '../i18n/index.ts';
import { tipText, type TipKey } from '../i18n/tip.ts';
import { jakartaToday } from '../lib/office-days.ts';
import { fromBase64, newSealId, type SealedBox, type SealRecipient } from '../lib/sealing.ts';
import { evidenceName, sealEvidence, sealFollowUp, sealReport, type EvidenceMeta } from '../lib/tip-sealing.ts';
import { firstErrors, type FieldError } from '../schemas/forms/field-rules.ts';
import { evidenceProblem, FOLLOW_UP_FIELDS, FollowUpSchema, parseTip, type TipErrors, type TipReport } from '../schemas/forms/tip.ts';
import { tipFollowUpForm, tipForm, tipReceipt, tipValues } from '../views/tip.ts';

/** Photos are scaled down so their long side is at most this (a phone photo is 4000 px or more). */
const MAX_IMAGE_SIDE = 2560;
const JPEG_QUALITY = 0.85;
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

type Notice = { title: string; text?: string };
type Outcome = { kind: 'done'; body: Record<string, unknown> } | { kind: 'notice'; notice: Notice } | { kind: 'errors'; files: FieldError } | { kind: 'fallback' };

/** A file the browser could not read as an image: the reader is asked to choose another. */
class Unreadable extends Error {}
/** Something this browser cannot do (no canvas encoder, a sealing failure): the function will do it. */
class CannotSeal extends Error {}

const langOf = (form: HTMLElement): Lang => (form.dataset.lang === 'en' ? 'en' : 'id');

/** Whether this browser can seal at all; if not, forms post as they do without JavaScript. */
const canSeal = () =>
  typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function' && typeof crypto.subtle?.encrypt === 'function' && typeof fetch === 'function';

const context = () => ({
  today: jakartaToday(),
  regencyCodes: new Set<string>(formData.regencies.map((r) => r.code)),
  destinationSlugs: new Set<string>(formData.destinations.map((d) => d.slug)),
});

function read(form: HTMLFormElement): Record<string, string> {
  const data: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string') data[key] = value;
  });
  return data;
}

const fileInput = (root: ParentNode) => root.querySelector<HTMLInputElement>('input[type=file]');
const chosenFiles = (form: HTMLFormElement) => Array.from(fileInput(form)?.files ?? []);
const isImage = (file: File) => file.type.startsWith('image/');

/**
 * The limits before the photos are shrunk: count, type, and empty files. A big photo is not refused
 * yet (it shrinks here); sizes are checked again on what will be sent. When the form is going to be
 * posted as it is, the sizes as chosen are what count.
 */
function filesBefore(files: File[], willShrink: boolean): FieldError | undefined {
  return evidenceProblem(files.map((f) => ({ name: f.name, type: f.type, size: willShrink && isImage(f) ? Math.min(f.size, 1) : f.size })));
}

// ---- Evidence: photos drawn again (no EXIF, GPS or device data survives), PDFs as they are ----

async function decode(file: File): Promise<ImageBitmap> {
  if (typeof createImageBitmap !== 'function') throw new CannotSeal('no createImageBitmap');
  try {
    // Turn the picture the way the camera said it was held, before the orientation tag is dropped.
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    if (error instanceof TypeError) {
      // Browsers from before the options argument: the photo may come out sideways, but it comes.
      try {
        return await createImageBitmap(file);
      } catch {
        throw new Unreadable(file.type);
      }
    }
    throw new Unreadable(file.type);
  }
}

async function reencode(file: File): Promise<Uint8Array> {
  const bitmap = await decode(file);
  try {
    const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const draw = canvas.getContext('2d');
    if (!draw || typeof canvas.toBlob !== 'function') throw new CannotSeal('no canvas');
    // JPEG has no transparency: a transparent screenshot gets a white page, not a black one.
    draw.fillStyle = '#fff';
    draw.fillRect(0, 0, canvas.width, canvas.height);
    draw.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!blob || blob.type !== 'image/jpeg') throw new CannotSeal('no JPEG encoder');
    canvas.width = canvas.height = 0;
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    bitmap.close();
  }
}

interface Evidence {
  meta: EvidenceMeta[];
  bytes: Uint8Array[];
}

async function prepareEvidence(files: File[]): Promise<Evidence> {
  const meta: EvidenceMeta[] = [];
  const bytes: Uint8Array[] = [];
  for (const [i, file] of files.entries()) {
    const image = isImage(file);
    const data = image ? await reencode(file) : new Uint8Array(await file.arrayBuffer());
    const type = image ? 'image/jpeg' : file.type;
    meta.push({ name: evidenceName(i, type), type, size: data.length });
    bytes.push(data);
  }
  return { meta, bytes };
}

/**
 * The evidence as it will be sent (photos re-encoded), or why it cannot be: a file that is not an
 * image the browser can read (the reader chooses another), limits passed after re-encoding, or
 * something this browser cannot do (the form then posts as it does without JavaScript).
 */
async function readyEvidence(files: File[]): Promise<Evidence | Exclude<Outcome, { kind: 'done' } | { kind: 'notice' }>> {
  let evidence: Evidence;
  try {
    evidence = await prepareEvidence(files);
  } catch (error) {
    if (error instanceof Unreadable) return { kind: 'errors', files: { code: 'files.unreadable' } };
    return { kind: 'fallback' };
  }
  const problem = evidenceProblem(evidence.meta);
  return problem ? { kind: 'errors', files: problem } : evidence;
}

// ---- Officers' keys, fetched once the reader starts on the form ----

let keysRequest: Promise<SealRecipient[]> | undefined;

const recipients = (keys: unknown): SealRecipient[] => {
  const list = Array.isArray(keys) ? (keys as { id?: unknown; publicKey?: unknown }[]) : [];
  const out = list.flatMap((k) => (typeof k.id === 'string' && typeof k.publicKey === 'string' ? [{ id: k.id, publicKey: fromBase64(k.publicKey) }] : []));
  if (out.length === 0) throw new Error('no officer key');
  return out;
};

/** The officers' keys; a failed fetch is forgotten, so the next try asks again. */
function officerKeys(): Promise<SealRecipient[]> {
  keysRequest ??= fetch('/api/tips/keys', { headers: { Accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`keys: ${response.status}`);
      return recipients(((await response.json()) as { keys?: unknown }).keys);
    })
    .catch((error: unknown) => {
      keysRequest = undefined;
      throw error;
    });
  return keysRequest;
}

// ---- Sending ----

async function answerBody(response: Response): Promise<Record<string, unknown>> {
  try {
    const body = (await response.json()) as unknown;
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    // Netlify's own 429 (its rate limit, before the function runs) is not JSON.
    return {};
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * Seals and posts, resealing once to the new keys on a 409. `seal` builds the JSON body for a set of
 * keys; `answers` says what a non-201, non-409 answer means for this form.
 */
async function sealAndSend(url: string, seal: (officers: SealRecipient[]) => Promise<unknown>, answers: (status: number, body: Record<string, unknown>) => Outcome, lang: Lang): Promise<Outcome> {
  const unavailable = (): Outcome => ({ kind: 'notice', notice: { title: tipText(lang, 'tip.unavailableTitle'), text: tipText(lang, 'tip.unavailable') } });
  let officers: SealRecipient[];
  try {
    officers = await officerKeys();
  } catch {
    return unavailable();
  }
  for (let attempt = 0; ; attempt++) {
    let body: unknown;
    try {
      body = await seal(officers);
    } catch {
      return { kind: 'fallback' };
    }
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body), credentials: 'same-origin' });
    } catch {
      return unavailable();
    }
    const answer = await answerBody(response);
    if (response.status === 201) return { kind: 'done', body: answer };
    if (response.status === 409 && attempt === 0) {
      try {
        officers = recipients(answer.keys);
        keysRequest = Promise.resolve(officers);
        continue;
      } catch {
        return unavailable();
      }
    }
    // A body the function could not read is this script's fault, not the reader's: let the function seal it.
    if (response.status === 400 || response.status === 415) return { kind: 'fallback' };
    return answers(response.status, answer);
  }
}

/** Field errors from a JSON 422, as one notice (the function sends sentences, not codes). */
function errorNotice(lang: Lang, body: Record<string, unknown>): Notice {
  const errors = typeof body.errors === 'object' && body.errors !== null ? Object.values(body.errors as Record<string, unknown>).filter((v): v is string => typeof v === 'string') : [];
  return { title: tipText(lang, 'tip.errorSummary'), text: errors.join('. ') || text(body.message) || tipText(lang, 'tip.unavailable') };
}

// ---- The page ----

let baseTitle = '';
const siteSuffix = () => {
  const at = baseTitle.lastIndexOf(' · ');
  return at >= 0 ? baseTitle.slice(at) : '';
};
const setTitle = (lang: Lang, error: boolean) => {
  document.title = error ? `${tipText(lang, 'tip.errorPrefix')}: ${baseTitle}` : baseTitle;
};

/** Builds markup from a view into nodes. */
function fragment(markup: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content;
}

/**
 * Puts the chosen files into a re-rendered form: no page can fill a file input, but the same input
 * element, moved, keeps its files. It takes the new input's error ties.
 */
function transplantFiles(from: HTMLFormElement, to: HTMLFormElement): void {
  const old = fileInput(from);
  const fresh = fileInput(to);
  if (!old || !fresh || !old.files?.length) return;
  for (const name of ['aria-describedby', 'aria-invalid']) {
    const value = fresh.getAttribute(name);
    if (value === null) old.removeAttribute(name);
    else old.setAttribute(name, value);
  }
  fresh.replaceWith(old);
}

/** A live region under the file input that says, when a PDF is chosen, what we cannot remove from it. */
function watchPdf(form: HTMLFormElement, lang: Lang): void {
  const input = fileInput(form);
  if (!input) return;
  let region = form.querySelector<HTMLElement>('[data-pdf-note]');
  if (!region) {
    region = document.createElement('p');
    region.className = 'hint';
    region.setAttribute('role', 'status');
    region.dataset.pdfNote = '';
    input.after(region);
  }
  const note = region;
  const update = () => {
    note.textContent = Array.from(input.files ?? []).some((f) => f.type === 'application/pdf') ? tipText(lang, 'tip.files.pdfChosen') : '';
  };
  input.addEventListener('change', update);
  // A transplanted input already holds its files.
  if (input.files?.length) update();
}

function showPrintButtons(root: ParentNode): void {
  root.querySelectorAll<HTMLButtonElement>('button[data-print]').forEach((button) => {
    if (button.dataset.printBound) return;
    button.dataset.printBound = '';
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  });
}

function busy(form: HTMLFormElement, progressId: string, message: string | undefined): void {
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (button) button.disabled = message !== undefined;
  const progress = form.querySelector<HTMLElement>(`#${progressId}`);
  if (progress) progress.textContent = message ?? '';
}

/** Posts the form as it is, without JavaScript's help (the function seals it). */
function postAsIs(form: HTMLFormElement): void {
  HTMLFormElement.prototype.submit.call(form);
}

function focus(element: HTMLElement | null): void {
  if (!element) return;
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus();
}

/** What both forms do before the reader sends: warn about PDFs, and fetch the keys while the reader writes (a slow network then does not hold up sending). */
function prepareForm(form: HTMLFormElement, lang: Lang): void {
  watchPdf(form, lang);
  const warm = () => {
    if (canSeal()) officerKeys().catch(() => undefined);
  };
  form.addEventListener('focusin', warm, { once: true });
  form.addEventListener('input', warm, { once: true });
}

/**
 * A form's submit, one at a time: `handle` gets what was typed and chosen and whether this browser
 * can seal, and returns the sending it started (until it ends, another submit does nothing).
 */
function onSubmit(form: HTMLFormElement, handle: (event: SubmitEvent, input: { values: Record<string, string>; files: File[]; sealing: boolean }) => Promise<unknown> | undefined): void {
  let sending = false;
  form.addEventListener('submit', (event) => {
    if (sending) {
      event.preventDefault();
      return;
    }
    const started = handle(event as SubmitEvent, { values: read(form), files: chosenFiles(form), sealing: canSeal() });
    if (!started) return;
    sending = true;
    void started.finally(() => {
      sending = false;
    });
  });
}

// ---- The report form ----

function bindTip(form: HTMLFormElement): void {
  const lang = langOf(form);
  prepareForm(form, lang);

  const rerender = (values: Record<string, string>, o: { errors?: TipErrors; notice?: Notice }) => {
    const next = fragment(tipForm({ lang, values: tipValues(values), ...o }).value).querySelector<HTMLFormElement>('form#tip');
    if (!next) return;
    transplantFiles(form, next);
    form.replaceWith(next);
    bindTip(next);
    setTitle(lang, true);
    focus(next.querySelector<HTMLElement>('.err-summary'));
  };

  onSubmit(form, (event, { values, files, sealing }) => {
    const checked = parseTip(values, context());
    const fileError = filesBefore(files, sealing);
    if (!checked.ok || fileError) {
      event.preventDefault();
      rerender(values, { errors: { ...(checked.ok ? {} : checked.errors), ...(fileError ? { files: fileError } : {}) } });
      return;
    }
    if (!sealing) return; // posted as usual; the function seals it
    event.preventDefault();
    busy(form, 'tip-progress', tipText(lang, 'tip.sending'));
    return sendTip(lang, checked.data, files, values).then((outcome) => {
      if (outcome.kind === 'fallback') return postAsIs(form);
      busy(form, 'tip-progress', undefined);
      if (outcome.kind === 'errors') return rerender(values, { errors: { files: outcome.files } });
      if (outcome.kind === 'notice') return rerender(values, { notice: outcome.notice });
      const receipt = text(outcome.body.receipt);
      if (!receipt) return rerender(values, { notice: { title: tipText(lang, 'tip.unavailableTitle'), text: tipText(lang, 'tip.unavailable') } });
      showReceipt(form, lang, receipt);
    });
  });
}

async function sendTip(lang: Lang, report: TipReport, files: File[], values: Record<string, string>): Promise<Outcome> {
  const evidence = await readyEvidence(files);
  if ('kind' in evidence) return evidence;
  const honeypot = values.website?.trim() ? { website: values.website } : {};
  const seal = async (officers: SealRecipient[]) => {
    const sealId = newSealId();
    const box = await sealReport({ ...report, files: evidence.meta }, officers, sealId);
    const sealed: { sealId: string; category: string; childInvolved: string; report: SealedBox; files?: SealedBox[] } = { sealId, category: report.category, childInvolved: report.childInvolved, report: box };
    if (evidence.bytes.length > 0) sealed.files = await Promise.all(evidence.bytes.map((bytes) => sealEvidence(bytes, officers, sealId)));
    return { lang, ...honeypot, sealed };
  };
  return sealAndSend('/api/tips', seal, (status, body) => {
    if (status === 422) return { kind: 'notice', notice: errorNotice(lang, body) };
    return { kind: 'notice', notice: { title: tipText(lang, 'tip.unavailableTitle'), text: text(body.message) ?? tipText(lang, 'tip.unavailable') } };
  }, lang);
}

function showReceipt(form: HTMLFormElement, lang: Lang, receipt: string): void {
  const heading = form.previousElementSibling;
  // The "form" heading above it no longer says what follows.
  if (heading instanceof HTMLHeadingElement && heading.id === 'formulir') heading.remove();
  const nodes = fragment(tipReceipt(lang, receipt).value);
  const panel = nodes.firstElementChild as HTMLElement | null;
  form.replaceWith(nodes);
  if (!panel) return;
  showPrintButtons(panel);
  document.title = `${tipText(lang, 'tip.receiptTitle')}${siteSuffix()}`;
  focus(panel.querySelector<HTMLElement>('#receipt-h'));
}

// ---- The follow-up form (on the status result page) ----

function bindFollowUp(form: HTMLFormElement): void {
  const lang = langOf(form);
  const receipt = form.querySelector<HTMLInputElement>('input[name=receipt]')?.value ?? '';
  prepareForm(form, lang);

  /** Replaces the heading, the confirmation (if any) and the form with a fresh render. */
  const rerender = (o: Omit<Parameters<typeof tipFollowUpForm>[0], 'lang' | 'receipt'>, keepFiles: boolean) => {
    const nodes = fragment(tipFollowUpForm({ lang, receipt, ...o }).value);
    const next = nodes.querySelector<HTMLFormElement>('form#tip-follow-up');
    if (!next) return;
    if (keepFiles) transplantFiles(form, next);
    const heading = document.getElementById('follow-up-h');
    if (heading && heading.parentNode === form.parentNode) {
      for (let node: ChildNode | null = heading; node && node !== form; ) {
        const after: ChildNode | null = node.nextSibling;
        node.remove();
        node = after;
      }
    }
    const added = Array.from(nodes.children).find((el): el is HTMLElement => el instanceof HTMLElement && el.getAttribute('role') === 'status');
    form.replaceWith(nodes);
    bindFollowUp(next);
    setTitle(lang, !o.added);
    focus(o.added ? (added ?? null) : next.querySelector<HTMLElement>('.err-summary'));
  };

  onSubmit(form, (event, { values, files, sealing }) => {
    const parsed = FollowUpSchema.safeParse({ receipt, message: values.message });
    const errors: Partial<Record<(typeof FOLLOW_UP_FIELDS)[number], FieldError>> = parsed.success ? {} : firstErrors(FOLLOW_UP_FIELDS, parsed.error.issues);
    const fileError = filesBefore(files, sealing);
    if (fileError) errors.files = fileError;
    if (!parsed.success || fileError) {
      event.preventDefault();
      rerender({ values: { message: values.message ?? '' }, errors }, true);
      return;
    }
    if (!sealing) return;
    event.preventDefault();
    busy(form, 'follow-up-progress', tipText(lang, 'tip.sending'));
    return sendFollowUp(lang, receipt, parsed.data.message, files).then((outcome) => {
      if (outcome.kind === 'fallback') return postAsIs(form);
      busy(form, 'follow-up-progress', undefined);
      const message = { message: values.message ?? '' };
      if (outcome.kind === 'errors') return rerender({ values: message, errors: { files: outcome.files } }, true);
      if (outcome.kind === 'notice') return rerender({ values: message, notice: outcome.notice }, true);
      rerender({ added: true }, false);
    });
  });
}

async function sendFollowUp(lang: Lang, receipt: string, message: string, files: File[]): Promise<Outcome> {
  const evidence = await readyEvidence(files);
  if ('kind' in evidence) return evidence;
  const seal = async (officers: SealRecipient[]) => {
    const sealId = newSealId();
    const box = await sealFollowUp({ message, files: evidence.meta }, officers, sealId);
    const sealed: { sealId: string; message: SealedBox; files?: SealedBox[] } = { sealId, message: box };
    if (evidence.bytes.length > 0) sealed.files = await Promise.all(evidence.bytes.map((bytes) => sealEvidence(bytes, officers, sealId)));
    return { lang, receipt, sealed };
  };
  return sealAndSend('/api/tips/messages', seal, (status, body) => {
    if (status === 422) return { kind: 'notice', notice: errorNotice(lang, body) };
    const title: TipKey = status === 429 ? 'tip.followUpLockedTitle' : status === 404 ? 'tip.errorSummary' : 'tip.unavailableTitle';
    return { kind: 'notice', notice: { title: tipText(lang, title), text: text(body.message) ?? tipText(lang, 'tip.unavailable') } };
  }, lang);
}

/** Called by /lapor/, /lapor/status/ and the frame the functions fill (/lapor/kerangka/). */
export function enhanceTipForm(): void {
  // A page the function answered with errors already says "Kesalahan: "; the base is the title without it.
  const prefix = `${tipText(document.documentElement.lang === 'en' ? 'en' : 'id', 'tip.errorPrefix')}: `;
  baseTitle = document.title.startsWith(prefix) ? document.title.slice(prefix.length) : document.title;
  const tip = document.querySelector<HTMLFormElement>('form#tip');
  if (tip) bindTip(tip);
  const followUp = document.querySelector<HTMLFormElement>('form#tip-follow-up');
  if (followUp) bindFollowUp(followUp);
  showPrintButtons(document);
}
