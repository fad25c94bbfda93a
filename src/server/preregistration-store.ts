/**
 * Storage of pre-registrations in Netlify Blobs, behind named operations. One store per deploy
 * context (production's is "preregistrations"); its keys:
 *   records/<code>                     the record (personal fields encrypted); metadata holds no personal data
 *   nik/<v.slow hash of NIK>           which record holds that NIK (one active pre-registration per NIK)
 *   phone/<v.slow hash of phone>       the pre-registrations made with that number (at most 3 active)
 *   slots/<day>/<nnnn>                 a booked place on a visit day, naming the record that holds it
 *   idempotency/<day>/<v.hash of key>  the first answer to a retried submission, sealed under the key
 * Creates use onlyIfNew and updates onlyIfMatch, so concurrent writers never overwrite each other.
 * Slot and idempotency folders are per day, so the daily cleanup removes past days by name.
 */
import type { Store } from '@netlify/blobs';
import { addDays } from '../lib/office-days.ts';
import type { SealedEnvelope } from './personal-data.ts';
import { attempt, deleteDayFolders, listKeys, openScopedStore, persist, readWithEtag, update, writeIf } from './storage.ts';

export { StorageError } from './storage.ts';

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
  v: 2;
  code: string;
  status: RegistrationStatus;
  visitDate: string;
  regency: string;
  destination: string;
  createdDay: string;
  /** Slow keyed hash of code and birth date ("v1.…"): lets the applicant check status without storing the date. */
  statusCheck: string;
  /** Slow keyed hash of the NIK ("v1.…"): finds the index entry when the record is cancelled. */
  nikKey: string;
  /** Slow keyed hash of the phone number ("v1.…"): finds the phone entry when the record is cancelled. */
  phoneKey: string;
  personal: SealedEnvelope;
  history: { status: RegistrationStatus; day: string }[];
}

export interface SlotLease {
  code: string;
  /** When the slot was taken (ms since epoch): a slot whose record never appeared is freed after a while. */
  at: number;
}

/** A phone number's pre-registrations: `at` tells a young claim (record not written yet) from an abandoned one. */
export interface PhoneEntry {
  code: string;
  visitDate: string;
  at: number;
}

/**
 * An idempotency key's state. The fingerprint ties the key to the request it was first used with;
 * a pending claim names the code it is booking, so a retry can find a record whose answer was lost.
 */
export type IdempotencyEntry =
  | { state: 'pending'; fingerprint: string; at: number; code: string }
  | { state: 'done'; fingerprint: string; at: number; answer: string };

/** Idempotency answers are kept this long, then a retry counts as a new submission. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

export function openStore(deployContext?: string): Store {
  return openScopedStore(PREREGISTRATION_STORE, deployContext);
}

const slotKey = (day: string, n: number) => `slots/${day}/${String(n).padStart(4, '0')}`;

export interface TakenSlot {
  n: number;
  key: string;
  etag: string;
}

export class PreregistrationStore {
  readonly store: Store;

  constructor(store: Store = openStore()) {
    this.store = store;
  }

  // ---- records
  async createRecord(record: PreregistrationRecord): Promise<boolean> {
    const metadata: RecordMetadata = { visitDate: record.visitDate, regency: record.regency, destination: record.destination, status: record.status, createdDay: record.createdDay };
    return writeIf(this.store, 'create record', `records/${record.code}`, record, undefined, metadata);
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
    const entry = await readWithEtag<{ code: string; at: number }>(this.store, 'read NIK index', `nik/${nikKey}`);
    return entry && { code: entry.data.code, at: entry.data.at, etag: entry.etag };
  }

  /** Points the NIK at a record: only if no entry exists, or only if the entry is still the one read (etag). */
  async writeNikIndex(nikKey: string, code: string, replacing: string | undefined, at: number): Promise<boolean> {
    return writeIf(this.store, 'write NIK index', `nik/${nikKey}`, { code, at }, replacing);
  }

  /** Frees the NIK, unless the entry has meanwhile been taken by another record. */
  async releaseNikIndex(nikKey: string, code: string): Promise<void> {
    const entry = (await attempt('read NIK index', () => this.store.get(`nik/${nikKey}`, { type: 'json' }))) as { code?: string } | null;
    if (entry?.code === code) await attempt('delete NIK index', () => this.store.delete(`nik/${nikKey}`));
  }

  // ---- phone index
  /**
   * Changes a phone number's list with optimistic concurrency: `change` gets the current list and
   * returns the new one (or none, to leave it) with a result. Retried when another writer came first.
   */
  async updatePhone<R>(phoneKey: string, change: (entries: PhoneEntry[]) => Promise<{ entries?: PhoneEntry[]; result: R }> | { entries?: PhoneEntry[]; result: R }): Promise<R> {
    return update<{ entries: PhoneEntry[] }, R>(this.store, 'write phone index', `phone/${phoneKey}`, async (current) => {
      const next = await change(current?.entries ?? []);
      return { value: next.entries && { entries: next.entries }, result: next.result };
    });
  }

  /** Reads a phone number's list, for entries made under an older secret version (never written). */
  async phoneEntries(phoneKey: string): Promise<PhoneEntry[]> {
    const data = await attempt('read phone index', () => this.store.get(`phone/${phoneKey}`, { type: 'json' }));
    return (data as { entries?: PhoneEntry[] } | null)?.entries ?? [];
  }

  /** Takes a code off a phone number's list. */
  async removeFromPhone(phoneKey: string, code: string): Promise<void> {
    await this.updatePhone(phoneKey, (entries) =>
      entries.some((e) => e.code === code) ? { entries: entries.filter((e) => e.code !== code), result: undefined } : { result: undefined },
    );
  }

  // ---- day slots
  /** The taken slots of one day, from one listing of that day's folder. */
  async daySlots(day: string): Promise<TakenSlot[]> {
    return (await listKeys(this.store, 'list slots', `slots/${day}/`)).map((b) => ({ n: Number(b.key.split('/')[2]), key: b.key, etag: b.etag }));
  }

  /**
   * Taken slots per day for the days given, from one listing per calendar month they fall in
   * ("slots/2026-12-"): past days are deleted daily, so a listing holds little beyond the window.
   */
  async slotsByDay(days: readonly string[]): Promise<Map<string, TakenSlot[]>> {
    const wanted = new Set(days);
    const months = [...new Set(days.map((d) => d.slice(0, 7)))];
    const listings = await Promise.all(months.map((m) => listKeys(this.store, 'list slots', `slots/${m}-`)));
    const byDay = new Map<string, TakenSlot[]>();
    for (const blob of listings.flat()) {
      const [, day, n] = blob.key.split('/');
      if (!day || !n || !wanted.has(day)) continue;
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

  /** Who holds slot n of a day, if anyone. */
  async slotHolder(day: string, n: number): Promise<SlotLease | undefined> {
    return this.readLease(slotKey(day, n));
  }

  /** Takes slot n of a day if it is free; or, given the etag of a stale lease, takes it over. */
  async takeSlot(day: string, n: number, lease: SlotLease, replacing?: string): Promise<boolean> {
    return writeIf(this.store, 'take slot', slotKey(day, n), lease, replacing);
  }

  async releaseSlot(day: string, n: number): Promise<void> {
    await attempt('release slot', () => this.store.delete(slotKey(day, n)));
  }

  /** Deletes the slot holds of days before `today`; returns how many went. */
  async removePastSlots(today: string): Promise<number> {
    return deleteDayFolders(this.store, 'clean slots', 'slots/', today);
  }

  // ---- idempotency
  /** The live entry for a key, in today's or yesterday's folder; an entry older than a day has expired. */
  async findIdempotent(key: string, today: string, now: number): Promise<{ entry: IdempotencyEntry; etag: string; storageKey: string } | undefined> {
    const keys = [`idempotency/${today}/${key}`, `idempotency/${addDays(today, -1)}/${key}`];
    const found = await Promise.all(keys.map((k) => readWithEtag<IdempotencyEntry>(this.store, 'read idempotency key', k)));
    for (let i = 0; i < keys.length; i++) {
      const hit = found[i];
      if (hit && now - hit.data.at < IDEMPOTENCY_TTL_MS) return { entry: hit.data, etag: hit.etag, storageKey: keys[i]! };
    }
    return undefined;
  }

  /** Claims a key for a request in today's folder; with the storage key and etag of an abandoned claim, takes that over. */
  async claimIdempotent(key: string, today: string, entry: IdempotencyEntry, replacing?: { storageKey: string; etag: string }): Promise<string | undefined> {
    const storageKey = replacing?.storageKey ?? `idempotency/${today}/${key}`;
    return (await writeIf(this.store, 'claim idempotency key', storageKey, entry, replacing?.etag)) ? storageKey : undefined;
  }

  /** Stores the answer for a claimed key, retried: a retry of the request must find it. */
  async completeIdempotent(storageKey: string, entry: IdempotencyEntry): Promise<void> {
    await persist('store idempotent answer', () => attempt('store idempotent answer', () => this.store.setJSON(storageKey, entry)));
  }

  async releaseIdempotent(storageKey: string): Promise<void> {
    await attempt('release idempotency key', () => this.store.delete(storageKey));
  }

  /** Deletes idempotency entries of days before yesterday (none can be live). */
  async removeExpiredIdempotency(today: string): Promise<number> {
    return deleteDayFolders(this.store, 'clean idempotency keys', 'idempotency/', addDays(today, -1));
  }
}
