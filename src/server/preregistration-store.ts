/**
 * Storage of pre-registrations in Netlify Blobs, behind named operations. One store; its keys:
 *   records/<code>            the record (personal fields encrypted); metadata holds no personal data
 *   nik/<hmac of NIK>         which record holds that NIK (one active pre-registration per NIK)
 *   slots/<day>/<nn>          a booked place on a visit day, naming the record that holds it
 *   idempotency/<hmac of key> the first answer to a retried submission, encrypted under the key
 * Creates use onlyIfNew and updates onlyIfMatch, so concurrent writers never overwrite each other.
 */
import { getStore, type Store } from '@netlify/blobs';
import type { SealedEnvelope } from './personal-data.ts';

export const PREREGISTRATION_STORE = 'preregistrations';

export type RegistrationStatus = 'received' | 'visited' | 'verified' | 'needs-documents' | 'cancelled';

/** Listing metadata: what an officer's day list needs, and nothing personal. */
export interface RecordMetadata {
  visitDate: string;
  regency: string;
  destination: string;
  status: RegistrationStatus;
  createdDay: string;
  [key: string]: string;
}

export interface PreregistrationRecord {
  v: 1;
  code: string;
  status: RegistrationStatus;
  visitDate: string;
  regency: string;
  destination: string;
  createdDay: string;
  /** Keyed hash of code and birth date: lets the applicant check status without storing the date. */
  statusCheck: string;
  /** Keyed hash of the NIK: finds the index entry when the record is cancelled. */
  nikKey: string;
  personal: SealedEnvelope;
  history: { status: RegistrationStatus; day: string }[];
}

export interface SlotLease {
  code: string;
  /** When the slot was taken (ms since epoch): a slot whose record never appeared is freed after a while. */
  at: number;
}

/** An idempotency key's state. The fingerprint ties the key to the request it was first used with. */
export type IdempotencyEntry = { state: 'pending'; fingerprint: string; at: number } | { state: 'done'; fingerprint: string; answer: string };

/** Blobs could not be reached or refused a write. The handler answers 503. */
export class StorageError extends Error {
  constructor(operation: string, options?: { cause?: unknown }) {
    super(`storage: ${operation} failed`, options);
  }
}

async function attempt<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    throw new StorageError(operation, { cause });
  }
}

/**
 * A conditional write (onlyIfNew / onlyIfMatch). @netlify/blobs 11 reports any answer other than
 * 412 to a conditional write as success, even a 500: a write that really happened always carries
 * the new ETag, so a "success" without one is a failure.
 */
async function conditional(operation: string, run: () => Promise<{ modified: boolean; etag?: string }>): Promise<boolean> {
  const result = await attempt(operation, run);
  if (result.modified && !result.etag) throw new StorageError(operation);
  return result.modified;
}

export function openStore(): Store {
  // Strong consistency: an applicant checking status right after submitting must see the record.
  return getStore({ name: PREREGISTRATION_STORE, consistency: 'strong' });
}

const slotKey = (day: string, n: number) => `slots/${day}/${String(n).padStart(4, '0')}`;

export class PreregistrationStore {
  private readonly store: Store;

  constructor(store: Store = openStore()) {
    this.store = store;
  }

  /**
   * A JSON entry with the ETag a conditional update needs. Netlify Blobs sends the ETag with the
   * entry; the local development server does not, so its listing supplies it, read before the
   * entry: should the entry change in between, the update with the older ETag is refused, never
   * applied to data it did not see.
   */
  private async readWithEtag<T>(operation: string, key: string): Promise<{ data: T; etag: string } | undefined> {
    const entry = await attempt(operation, () => this.store.getWithMetadata(key, { type: 'json' }));
    if (!entry) return undefined;
    if (entry.etag) return { data: entry.data as T, etag: entry.etag };
    const listed = await attempt(operation, () => this.store.list({ prefix: key }));
    const etag = listed.blobs.find((b) => b.key === key)?.etag;
    const again = await attempt(operation, () => this.store.get(key, { type: 'json' }));
    if (!etag || again === null) return undefined;
    return { data: again as T, etag };
  }

  // ---- records
  async createRecord(record: PreregistrationRecord): Promise<boolean> {
    const metadata: RecordMetadata = { visitDate: record.visitDate, regency: record.regency, destination: record.destination, status: record.status, createdDay: record.createdDay };
    return conditional('create record', () => this.store.setJSON(`records/${record.code}`, record, { onlyIfNew: true, metadata }));
  }

  async getRecord(code: string): Promise<PreregistrationRecord | undefined> {
    const data = await attempt('read record', () => this.store.get(`records/${code}`, { type: 'json' }));
    return (data ?? undefined) as PreregistrationRecord | undefined;
  }

  async recordExists(code: string): Promise<boolean> {
    return (await attempt('read record metadata', () => this.store.getMetadata(`records/${code}`))) !== null;
  }

  // ---- NIK index
  async readNikIndex(nikKey: string): Promise<{ code: string; at: number; etag: string } | undefined> {
    const entry = await this.readWithEtag<{ code: string; at: number }>('read NIK index', `nik/${nikKey}`);
    return entry && { code: entry.data.code, at: entry.data.at, etag: entry.etag };
  }

  /** Points the NIK at a record: only if no entry exists, or only if the entry is still the one read (etag). */
  async writeNikIndex(nikKey: string, code: string, replacing: string | undefined, at: number): Promise<boolean> {
    return conditional('write NIK index', () =>
      this.store.setJSON(`nik/${nikKey}`, { code, at }, replacing ? { onlyIfMatch: replacing } : { onlyIfNew: true }),
    );
  }

  async deleteNikIndex(nikKey: string): Promise<void> {
    await attempt('delete NIK index', () => this.store.delete(`nik/${nikKey}`));
  }

  // ---- day slots
  /** Every taken slot per day, from one listing. */
  async takenSlots(prefix = 'slots/'): Promise<Map<string, { n: number; key: string; etag: string }[]>> {
    const listing = await attempt('list slots', () => this.store.list({ prefix }));
    const byDay = new Map<string, { n: number; key: string; etag: string }[]>();
    for (const blob of listing.blobs) {
      const [, day, n] = blob.key.split('/');
      if (!day || !n) continue;
      const list = byDay.get(day) ?? [];
      list.push({ n: Number(n), key: blob.key, etag: blob.etag });
      byDay.set(day, list);
    }
    return byDay;
  }

  /** A slot's lease, without its ETag (the listing has it). */
  async readLease(key: string): Promise<SlotLease | undefined> {
    const data = await attempt('read slot', () => this.store.get(key, { type: 'json' }));
    return (data ?? undefined) as SlotLease | undefined;
  }

  /** Takes slot n of a day if it is free; or, given the etag of a stale lease, takes it over. */
  async takeSlot(day: string, n: number, lease: SlotLease, replacing?: string): Promise<boolean> {
    return conditional('take slot', () => this.store.setJSON(slotKey(day, n), lease, replacing ? { onlyIfMatch: replacing } : { onlyIfNew: true }));
  }

  async releaseSlot(day: string, n: number): Promise<void> {
    await attempt('release slot', () => this.store.delete(slotKey(day, n)));
  }

  // ---- idempotency
  /** The answer stored under a key: pending while the first request runs, then done. */
  async readIdempotent(key: string): Promise<{ entry: IdempotencyEntry; etag: string } | undefined> {
    const found = await this.readWithEtag<IdempotencyEntry>('read idempotency key', `idempotency/${key}`);
    return found && { entry: found.data, etag: found.etag };
  }

  /** Claims a key for a request; with the etag of an abandoned claim, takes it over. */
  async claimIdempotent(key: string, fingerprint: string, at: number, replacing?: string): Promise<boolean> {
    const entry: IdempotencyEntry = { state: 'pending', fingerprint, at };
    return conditional('claim idempotency key', () => this.store.setJSON(`idempotency/${key}`, entry, replacing ? { onlyIfMatch: replacing } : { onlyIfNew: true }));
  }

  async completeIdempotent(key: string, fingerprint: string, answer: string): Promise<void> {
    const entry: IdempotencyEntry = { state: 'done', fingerprint, answer };
    await attempt('store idempotent answer', () => this.store.setJSON(`idempotency/${key}`, entry));
  }

  async releaseIdempotent(key: string): Promise<void> {
    await attempt('release idempotency key', () => this.store.delete(`idempotency/${key}`));
  }
}
