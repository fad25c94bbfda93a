/**
 * What every store module shares: the store for a deploy context, failures as StorageError (the
 * handler answers 503), conditional writes that are checked, and reads that return the ETag a
 * conditional update needs. Feature stores (pre-registrations, abuse limits, and tips to come)
 * own their keys and build on these.
 */
import { getStore, type Store } from '@netlify/blobs';

/** Blobs could not be reached or refused a write. The handler answers 503. */
export class StorageError extends Error {
  /** The named operation that failed, for the log line ("take slot"); never a key or a value. */
  readonly operation: string;
  constructor(operation: string, options?: { cause?: unknown }) {
    super(`storage: ${operation} failed`, options);
    this.name = 'StorageError';
    this.operation = operation;
  }
}

/** The deploy context a request runs in: Netlify's `context.deploy.context`, else CONTEXT, else production. */
export function deployContextOf(context?: { deploy?: { context?: string } }): string {
  const fromRequest = context?.deploy?.context;
  if (fromRequest) return fromRequest;
  const netlify = (globalThis as { Netlify?: { env: { get(n: string): string | undefined } } }).Netlify;
  return netlify?.env.get('CONTEXT') || process.env.CONTEXT || 'production';
}

/**
 * Blobs stores are site-wide: a deploy preview or branch deploy would read and write production
 * records through the same name. Every context other than production gets its own store name.
 */
export function scopedStoreName(base: string, deployContext = 'production'): string {
  if (deployContext === 'production') return base;
  const safe = deployContext.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 40);
  return `${base}--${safe}`;
}

export function openScopedStore(base: string, deployContext?: string): Store {
  // Strong consistency: a person checking right after writing must see their own write.
  return getStore({ name: scopedStoreName(base, deployContext), consistency: 'strong' });
}

export async function attempt<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    if (cause instanceof StorageError) throw cause;
    throw new StorageError(operation, { cause });
  }
}

/**
 * A conditional write (onlyIfNew / onlyIfMatch). @netlify/blobs 11 reports any answer other than
 * 412 to a conditional write as success, even a 500: a write that really happened always carries
 * the new ETag, so a "success" without one is a failure.
 */
export async function conditional(operation: string, run: () => Promise<{ modified: boolean; etag?: string }>): Promise<boolean> {
  const result = await attempt(operation, run);
  if (result.modified && !result.etag) throw new StorageError(operation);
  return result.modified;
}

/**
 * A JSON entry with the ETag a conditional update needs. Netlify Blobs sends the ETag with the
 * entry; the local development server does not, so its listing supplies it, read before the
 * entry: should the entry change in between, the update with the older ETag is refused, never
 * applied to data it did not see.
 */
export async function readWithEtag<T>(store: Store, operation: string, key: string): Promise<{ data: T; etag: string } | undefined> {
  for (let tries = 0; ; tries++) {
    const entry = await attempt(operation, () => store.getWithMetadata(key, { type: 'json' }));
    if (!entry) return undefined;
    if (entry.etag) return { data: entry.data as T, etag: entry.etag };
    const listed = await attempt(operation, () => store.list({ prefix: key }));
    const etag = listed.blobs.find((b) => b.key === key)?.etag;
    const again = await attempt(operation, () => store.get(key, { type: 'json' }));
    if (again === null) return undefined;
    if (etag) return { data: again as T, etag };
    // The local server's listing can miss an entry while a neighbour is being written: look again.
    if (tries >= 4) throw new StorageError(`${operation}, no ETag`);
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}

/** Sets `key` only if it is new (no etag) or still the entry that was read (etag). */
export function writeIf(store: Store, operation: string, key: string, value: unknown, etag: string | undefined, metadata?: Record<string, string>): Promise<boolean> {
  return conditional(operation, () => store.setJSON(key, value, { ...(etag ? { onlyIfMatch: etag } : { onlyIfNew: true }), ...(metadata ? { metadata } : {}) }));
}

/**
 * Read, change and write back one entry with optimistic concurrency: `change` gets the current
 * value (undefined when absent) and returns (or resolves to) the new value, or undefined to write nothing. A
 * concurrent writer makes the write fail its condition; then the entry is read again. Gives up
 * (StorageError) after `tries`, so a flood on one key cannot keep a request running.
 */
export async function update<T, R>(
  store: Store,
  operation: string,
  key: string,
  change: (current: T | undefined) => { value?: T; result: R } | Promise<{ value?: T; result: R }>,
  tries = 8,
): Promise<R> {
  for (let i = 0; i < tries; i++) {
    const current = await readWithEtag<T>(store, operation, key);
    const next = await change(current?.data);
    if (next.value === undefined) return next.result;
    if (await writeIf(store, operation, key, next.value, current?.etag)) return next.result;
    // Someone else wrote first: wait a little (with jitter, so writers spread out), then look again.
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (i + 1)));
  }
  throw new StorageError(`${operation}, contention`);
}

/** Retries a write that must land (an answer a retry will need); the last failure is thrown. */
export async function persist(operation: string, run: () => Promise<unknown>, tries = 4): Promise<void> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      await run();
      return;
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** i));
    }
  }
  throw last instanceof StorageError ? last : new StorageError(operation, { cause: last });
}

/** Every key under a prefix, across pages. */
export async function listKeys(store: Store, operation: string, prefix: string): Promise<{ key: string; etag: string }[]> {
  return attempt(operation, async () => (await store.list({ prefix })).blobs.map((b) => ({ key: b.key, etag: b.etag })));
}

/** The "folders" directly under a prefix (for day buckets), without listing their entries. */
export async function listFolders(store: Store, operation: string, prefix: string): Promise<string[]> {
  return attempt(operation, async () => (await store.list({ prefix, directories: true })).directories);
}

/** Deletes in parallel, a few at a time (a scheduled function has 30 seconds). */
export async function deleteAll(store: Store, operation: string, keys: readonly string[], concurrency = 16): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++]!;
      await attempt(operation, () => store.delete(key));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
}

/**
 * Deletes every entry in day folders ("<prefix><YYYY-MM-DD>/…") of days before `before`; returns how
 * many entries went. Folders are found by listing with `directories`, so today's entries are never read.
 */
export async function deleteDayFolders(store: Store, operation: string, prefix: string, before: string): Promise<number> {
  let removed = 0;
  for (const folder of await listFolders(store, operation, prefix)) {
    const day = folder.slice(prefix.length).replace(/\/$/, '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day >= before) continue;
    const keys = (await listKeys(store, operation, `${prefix}${day}/`)).map((k) => k.key);
    await deleteAll(store, operation, keys);
    removed += keys.length;
  }
  return removed;
}
