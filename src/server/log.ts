/**
 * Failure log lines. Every 503 and 500 writes exactly one line naming the operation and the error
 * class, so a fault is visible in Netlify's function log, and nothing else: no request body, no
 * key, no value, no address. Personal data never reaches a log because nothing from the request is
 * ever passed here: operations are constant strings and error detail is reduced to its class.
 */
import { StorageError } from './storage.ts';

export function errorClass(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? error.name : error.constructor.name;
  return typeof error;
}

/**
 * One line: "ltsa: 503 preregistrations.create StorageError(take slot)". The detail in brackets is
 * our own constant text (a storage operation, a configuration variable), never the error message
 * of a library, which could quote a key or a value.
 */
export function logFailure(status: 500 | 503, operation: string, error: unknown): void {
  const detail = error instanceof StorageError ? error.operation : (error as { variable?: unknown })?.variable;
  const what = `${errorClass(error)}${typeof detail === 'string' ? `(${detail})` : ''}`;
  console.error(`ltsa: ${status} ${operation} ${what}`);
}
