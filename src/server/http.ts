/**
 * Request parsing and answers shared by every function: early refusals (method, size, type), body
 * parsing for JSON and both form encodings, language choice, and the headers every answer carries.
 */
import { t, type Lang, type UiKey } from '../i18n/index.ts';
import { formatJakartaTime } from '../lib/dates.ts';
import { ConfigError } from './config.ts';
import { logFailure } from './log.ts';
import { StorageError } from './storage.ts';

export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Headers for every function answer. netlify.toml's rules cover static files only, so functions set
 * the same protections themselves (a test keeps the two in step). Answers are never cached.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

export function htmlPage(status: number, markup: string, headers: Record<string, string> = {}): Response {
  return new Response(markup, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...headers } });
}

export function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { ...SECURITY_HEADERS, Location: location } });
}

export function methodNotAllowed(allowed: string[]): Response {
  return json(405, { error: 'method-not-allowed' }, { Allow: allowed.join(', ') });
}

export type BodyKind = 'json' | 'form';
/** A file sent in a multipart body. */
export interface UploadedFile {
  /** The form field it came in. */
  field: string;
  name: string;
  /** The type the browser declared: a hint only (the bytes are checked). */
  type: string;
  bytes: Uint8Array;
}

export type ParsedBody = { ok: true; kind: BodyKind; data: Record<string, unknown>; files: UploadedFile[] } | { ok: false; response: Response };

/** Reads at most `limit` bytes; more is refused without reading the rest. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Form fields as an object: the last value of a repeated name wins; files are read apart. */
function formToObject(form: FormData | URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') out[key] = value;
  return out;
}

/** The files of a multipart body; an empty file input (no name, no bytes) is not a file. */
async function formFiles(form: FormData): Promise<UploadedFile[]> {
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string' || (value.size === 0 && value.name === '')) continue;
    files.push({ field, name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return files;
}

/** JSON, urlencoded or multipart; 413 over the limit, 415 for other types, 400 for a malformed body. */
export async function parseBody(request: Request, limit = MAX_BODY_BYTES): Promise<ParsedBody> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return { ok: false, response: json(413, { error: 'body-too-large', limit }) };
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const kind: BodyKind | undefined =
    type === 'application/json' ? 'json' : type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data' ? 'form' : undefined;
  if (!kind) return { ok: false, response: json(415, { error: 'unsupported-media-type', accepted: ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'] }) };
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readLimited(request, limit);
  } catch {
    return { ok: false, response: json(400, { error: 'unreadable-body' }) };
  }
  if (!bytes) return { ok: false, response: json(413, { error: 'body-too-large', limit }) };
  try {
    if (type === 'application/json') {
      const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, response: json(400, { error: 'body-must-be-an-object' }) };
      return { ok: true, kind, data: value as Record<string, unknown>, files: [] };
    }
    if (type === 'application/x-www-form-urlencoded') {
      return { ok: true, kind, data: formToObject(new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes))), files: [] };
    }
    const form = await new Response(bytes as BodyInit, { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
    return { ok: true, kind, data: formToObject(form), files: await formFiles(form) };
  } catch {
    return { ok: false, response: json(400, { error: 'malformed-body' }) };
  }
}

/** The reader's language: a `lang` field sent by the form, else the Accept-Language header. */
export function requestLang(request: Request, data?: Record<string, unknown>): Lang {
  if (data?.lang === 'en' || data?.lang === 'id') return data.lang;
  const accept = (request.headers.get('accept-language') ?? '').toLowerCase();
  const first = accept.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

/** A plain browser form post wants a page back; scripts and API clients want JSON. */
export function wantsHtml(request: Request, kind: BodyKind): boolean {
  if (kind === 'json') return false;
  return !(request.headers.get('accept') ?? '').includes('application/json');
}

/** What a function handler uses of Netlify's context: the deploy context picks the stores. */
export interface FunctionContext {
  deploy?: { context?: string };
}

export type Handler = (request: Request, context?: FunctionContext) => Promise<Response>;

/**
 * The outermost frame of every function: an error nobody expected becomes one log line (operation
 * and error class) and a plain 500 with no detail, never a stack trace or a value from the request.
 */
export function guarded(operation: string, handler: Handler): Handler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      logFailure(500, operation, error);
      return json(500, { error: 'internal-error' });
    }
  };
}

/**
 * Whether an error means "the service cannot work right now" (storage or configuration): then it
 * is logged once and the caller answers 503. Anything else is a bug: the caller rethrows it.
 */
export function isServiceFault(operation: string, error: unknown): boolean {
  if (!(error instanceof StorageError || error instanceof ConfigError)) return false;
  logFailure(503, operation, error);
  return true;
}

/** Seconds until `retryAt`, at least 1, for Retry-After. */
export function retryAfterSeconds(retryAt: number, now = Date.now()): number {
  return Math.max(1, Math.ceil((retryAt - now) / 1000));
}

/** A message with "{when}" filled with the time to try again, in the reader's words and Jakarta time. */
export function retryMessage(lang: Lang, key: UiKey, retryAt: number): string {
  return t(lang, key).replace('{when}', formatJakartaTime(retryAt, lang));
}

/** 429 with Retry-After and a plain message saying when to try again. */
export function tooManyRequests(lang: Lang, key: UiKey, retryAt: number, error: string): Response {
  return json(429, { error, message: retryMessage(lang, key, retryAt), retryAfter: retryAfterSeconds(retryAt) }, { 'Retry-After': String(retryAfterSeconds(retryAt)) });
}
