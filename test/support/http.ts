/**
 * Calling the functions' handlers in process: POST requests as a script or a browser sends them (JSON,
 * an urlencoded form, multipart with files), and answers read whole. The origin is a bare localhost:
 * nothing serves the page frame there, so handlers answer with their plain frame.
 */
import { expect } from 'vitest';

export const ORIGIN = 'http://localhost';

export type RequestHeaders = Record<string, string>;

/** A file part of a multipart body; `field` defaults to the form's "files". */
export interface FileSpec {
  name: string;
  type: string;
  bytes: Uint8Array;
  field?: string;
}

/** An answer read whole: `body` is the JSON in `text`, or undefined where the text is not JSON (a page). */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export async function readAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** Reads an answer after checking it forbids caching (Cache-Control: no-store), as every answer of the tip API must. */
export async function readNoStoreAnswer(response: Response): Promise<Answer> {
  expect(response.headers.get('cache-control'), `Cache-Control of a ${response.status}`).toBe('no-store');
  return readAnswer(response);
}

export const jsonPost = (path: string, body: unknown, headers: RequestHeaders = {}) =>
  new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** An urlencoded form post; a field whose value is `undefined` is left out, any other value is sent as String(value). */
export function formPost(path: string, fields: Record<string, unknown>, headers: RequestHeaders = {}): Request {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) params.append(k, String(v));
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: params.toString() });
}

/**
 * A multipart body, serialised first (undici streams a FormData body, which outlives a refused
 * request). A field whose value is `undefined` is left out.
 */
export async function multipartBody(fields: Record<string, unknown>, files: FileSpec[] = []): Promise<{ body: Uint8Array; type: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, String(v));
  for (const f of files) form.append(f.field ?? 'files', new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  const serialised = new Response(form);
  return { body: new Uint8Array(await serialised.arrayBuffer()), type: serialised.headers.get('content-type')! };
}

export async function multipartPost(path: string, fields: Record<string, unknown>, files: FileSpec[] = [], headers: RequestHeaders = {}): Promise<Request> {
  const { body, type } = await multipartBody(fields, files);
  return new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body: body as BodyInit });
}
