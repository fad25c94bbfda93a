/**
 * Pre-registration: validate, hold one place per NIK, book a slot on the visit day, store the record
 * with its personal fields encrypted, and answer. Storage failures surface as StorageError (503)
 * after undoing what was done, so no slot is held without a record and no record is half-written.
 */
import { formData } from '../generated/form-data.ts';
import { buildChecklist, type ChecklistInput, type ChecklistItem } from '../lib/checklist.ts';
import { generateCode, normalizeCode } from '../lib/registration-code.ts';
import { isOfficeDay, jakartaToday, officeDaysInWindow } from '../lib/office-days.ts';
import { parsePreregistration, type FieldErrors, type PreregistrationContext, type PreregistrationInput } from '../schemas/forms/preregistration.ts';
import type { ServerConfig } from './config.ts';
import { encryptForOfficers } from './personal-data.ts';
import { keyedHash, open, sameHash, seal, subkey } from './secrets.ts';
import { PreregistrationStore, StorageError, type PreregistrationRecord, type RegistrationStatus } from './preregistration-store.ts';

/** A slot whose record has not appeared after this long was left by a failed submission. */
export const LEASE_MS = 2 * 60_000;
/** A NIK index entry whose record has not appeared after this long was left by a failed submission. */
export const NIK_CLAIM_MS = 2 * 60_000;
/** A pending idempotency claim this old belongs to a request that died. */
export const IDEMPOTENCY_CLAIM_MS = 30_000;

export function rulesContext(today: string): PreregistrationContext {
  return {
    today,
    closedDays: new Set(formData.closedDays),
    destinations: formData.destinations,
    regencyCodes: new Set(formData.regencies.map((r) => r.code)),
  };
}

export interface CreatedAnswer {
  code: string;
  visitDate: string;
  checklistInput: ChecklistInput;
}

export type CreateResult =
  | { kind: 'created'; answer: CreatedAnswer; replayed: boolean }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'duplicate' }
  | { kind: 'in-progress' }
  | { kind: 'key-reused' };

export function checklistInputOf(data: PreregistrationInput): ChecklistInput {
  return {
    maritalStatus: data.maritalStatus,
    hasPassport: data.hasPassport,
    scheme: data.scheme,
    jobSector: data.jobSector,
    education: data.education,
    destinationCountry: data.destinationCountry,
  };
}

export function checklistOf(answer: CreatedAnswer): ChecklistItem[] {
  return buildChecklist(answer.checklistInput);
}

const statusCheckValue = (code: string, birthDate: string) => `${code}|${birthDate}`;

/** Active: it still holds its NIK. A cancelled one, or one whose visit day passed unvisited, does not. */
function isActive(record: PreregistrationRecord, today: string): boolean {
  if (record.status === 'cancelled') return false;
  if (record.status === 'received' && record.visitDate < today) return false;
  return true;
}

const shuffle = <T>(items: T[]): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
};

/** Days known to be full, with how long that holds (no lease on them can expire sooner). Saves re-reading 40 leases per refusal. */
const fullDays = new Map<string, number>();
/** Lease checks under way, shared by concurrent refusals for the same day. */
const staleChecks = new Map<string, Promise<{ n: number; etag: string }[]>>();

export class PreregistrationService {
  private readonly config: ServerConfig;
  private readonly store: PreregistrationStore;
  private readonly clock: () => Date;

  constructor(config: ServerConfig, store = new PreregistrationStore(), clock: () => Date = () => new Date()) {
    this.config = config;
    this.store = store;
    this.clock = clock;
  }

  today(): string {
    return jakartaToday(this.clock());
  }

  /** Validates and books; with an idempotency key, a retry gets the first answer and stores nothing new. */
  async create(input: unknown, idempotencyKey?: string): Promise<CreateResult> {
    const today = this.today();
    const parsed = parsePreregistration(input, rulesContext(today));
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    if (!idempotencyKey) return this.book(parsed.data, today);

    const key = keyedHash(this.config.secret, 'idempotency-key', idempotencyKey);
    const answerKey = subkey(this.config.secret, `idempotency-answer:${idempotencyKey}`);
    // The key is bound to this request: the same key with other answers is refused, not replayed.
    const fingerprint = keyedHash(this.config.secret, 'idempotency-key', `${idempotencyKey}|${JSON.stringify(parsed.data)}`);
    for (let attempt = 0; ; attempt++) {
      const existing = await this.store.readIdempotent(key);
      if (existing && existing.entry.fingerprint !== fingerprint) return { kind: 'key-reused' };
      if (existing?.entry.state === 'done') {
        const answer = open(answerKey, existing.entry.answer, key);
        if (answer) return { kind: 'created', answer: JSON.parse(answer) as CreatedAnswer, replayed: true };
        return { kind: 'in-progress' };
      }
      const now = this.clock().getTime();
      // A claim whose request died (process ended, storage failed twice) is taken over after a while.
      const abandoned = existing?.entry.state === 'pending' && now - existing.entry.at > IDEMPOTENCY_CLAIM_MS;
      if ((!existing || abandoned) && (await this.store.claimIdempotent(key, fingerprint, now, abandoned ? existing.etag : undefined))) break;
      if (attempt >= 20) return { kind: 'in-progress' };
      // The first request with this key is still running: wait for its answer.
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    try {
      const result = await this.book(parsed.data, today);
      if (result.kind === 'created') {
        await this.store.completeIdempotent(key, fingerprint, seal(answerKey, JSON.stringify(result.answer), key)).catch(() => undefined);
      } else {
        await this.store.releaseIdempotent(key).catch(() => undefined);
      }
      return result;
    } catch (error) {
      await this.store.releaseIdempotent(key).catch(() => undefined);
      throw error;
    }
  }

  private async book(data: PreregistrationInput, today: string): Promise<CreateResult> {
    const nikKey = keyedHash(this.config.secret, 'nik-index', data.nik);
    for (let attempt = 0; attempt < 3; attempt++) {
      const code = generateCode();
      if (!(await this.holdNik(nikKey, code, today))) return { kind: 'duplicate' };
      let slot: number | undefined;
      try {
        slot = await this.claimSlot(data.visitDate, code);
        if (slot === undefined) {
          await this.store.deleteNikIndex(nikKey);
          const next = await this.nextAvailableDays(data.visitDate, 3);
          return { kind: 'invalid', errors: { visitDate: { code: 'visitDate.full', params: { date: data.visitDate, next: next.join(',') } } } };
        }
        const record = await this.buildRecord(code, data, nikKey, today);
        if (await this.store.createRecord(record)) {
          return { kind: 'created', answer: { code, visitDate: data.visitDate, checklistInput: checklistInputOf(data) }, replayed: false };
        }
        // The code is taken (about one chance in 34 billion): give everything back and draw again.
        await this.store.releaseSlot(data.visitDate, slot);
        await this.store.deleteNikIndex(nikKey);
      } catch (error) {
        // Undo in reverse order; a failure here leaves at worst a lease or index entry that expires.
        if (slot !== undefined) await this.store.releaseSlot(data.visitDate, slot).catch(() => undefined);
        await this.store.deleteNikIndex(nikKey).catch(() => undefined);
        throw error;
      }
    }
    throw new StorageError('allocate a unique code');
  }

  /** Points the NIK at this code unless another active pre-registration holds it. */
  private async holdNik(nikKey: string, code: string, today: string): Promise<boolean> {
    const claim = { code, at: this.clock().getTime() };
    // Most NIKs are new: try to create the entry first, and read only when one exists.
    if (await this.store.writeNikIndex(nikKey, claim.code, undefined, claim.at)) return true;
    for (let attempt = 0; attempt < 3; attempt++) {
      const existing = await this.store.readNikIndex(nikKey);
      if (!existing) {
        if (await this.store.writeNikIndex(nikKey, claim.code, undefined, claim.at)) return true;
        continue;
      }
      const record = await this.store.getRecord(existing.code);
      if (record && isActive(record, today)) return false;
      // No record yet: another submission with this NIK may be mid-way. Only an old claim is abandoned.
      if (!record && this.clock().getTime() - existing.at < NIK_CLAIM_MS) return false;
      if (await this.store.writeNikIndex(nikKey, claim.code, existing.etag, claim.at)) return true;
    }
    return false;
  }

  /** Books a free place on the day; undefined when the day is full. */
  private async claimSlot(day: string, code: string): Promise<number | undefined> {
    const capacity = this.config.capacityPerDay;
    const now = this.clock().getTime();
    // While a day has room, a random place is usually free: one write, no listing.
    if ((fullDays.get(`${day}|${capacity}`) ?? 0) <= now) {
      const guess = 1 + Math.floor(Math.random() * capacity);
      if (await this.store.takeSlot(day, guess, { code, at: now })) return guess;
    }
    for (let round = 0; round < 5; round++) {
      const taken = (await this.store.takenSlots(`slots/${day}/`)).get(day) ?? [];
      const used = new Set(taken.map((t) => t.n));
      const free = shuffle(Array.from({ length: capacity }, (_, i) => i + 1).filter((n) => !used.has(n)));
      let misses = 0;
      for (const n of free) {
        if (await this.store.takeSlot(day, n, { code, at: now })) return n;
        // Others are booking the same day: after a few misses, look again rather than try every slot.
        if (++misses >= 3) break;
      }
      if (free.length > 0) continue;
      // The day looks full. A lease whose record never appeared (a failed submission) is free again.
      for (const stale of await this.staleLeases(day, taken.filter((t) => t.n <= capacity), now)) {
        if (await this.store.takeSlot(day, stale.n, { code, at: now }, stale.etag)) return stale.n;
      }
      return undefined;
    }
    return undefined;
  }

  /**
   * Slots of a full day whose lease expired without a record. One look per day at a time in this
   * instance (concurrent refusals share it), remembered until a lease could next expire.
   */
  private staleLeases(day: string, taken: { n: number; key: string; etag: string }[], now: number): Promise<{ n: number; etag: string }[]> {
    const cacheKey = `${day}|${this.config.capacityPerDay}`;
    if ((fullDays.get(cacheKey) ?? 0) > now) return Promise.resolve([]);
    let check = staleChecks.get(cacheKey);
    if (!check) {
      check = (async () => {
        let oldest = Infinity;
        const stale: { n: number; etag: string }[] = [];
        for (const slot of taken) {
          // The listing's ETag was read before the lease: if the lease changes now, the takeover is refused.
          const lease = await this.store.readLease(slot.key);
          if (!lease) continue;
          oldest = Math.min(oldest, lease.at);
          if (now - lease.at > LEASE_MS && !(await this.store.recordExists(lease.code))) stale.push({ n: slot.n, etag: slot.etag });
        }
        if (stale.length === 0) fullDays.set(cacheKey, Math.min(now + 60_000, oldest + LEASE_MS));
        return stale;
      })().finally(() => staleChecks.delete(cacheKey));
      staleChecks.set(cacheKey, check);
    }
    return check;
  }

  private async buildRecord(code: string, data: PreregistrationInput, nikKey: string, today: string): Promise<PreregistrationRecord> {
    const { consent: _consent, confirmNikMismatch, destinationCountry, regency, visitDate, ...personal } = data;
    const status: RegistrationStatus = 'received';
    return {
      v: 1,
      code,
      status,
      visitDate,
      regency,
      destination: destinationCountry,
      createdDay: today,
      statusCheck: keyedHash(this.config.secret, 'status-check', statusCheckValue(code, data.birthDate)),
      nikKey,
      personal: await encryptForOfficers({ ...personal, nikMismatchConfirmed: confirmNikMismatch === true, consentGiven: today }, this.config.officerKeys, code),
      history: [{ status, day: today }],
    };
  }

  /** Status for a code and birth date; the same "not found" for an unknown code and a wrong pair. */
  async status(codeInput: string, birthDate: string): Promise<{ status: RegistrationStatus; visitDate: string; code: string } | undefined> {
    const code = normalizeCode(codeInput);
    if (!code) return undefined;
    const record = await this.store.getRecord(code);
    const expected = keyedHash(this.config.secret, 'status-check', statusCheckValue(code, birthDate));
    if (!record || !sameHash(record.statusCheck, expected)) return undefined;
    return { status: record.status, visitDate: record.visitDate, code };
  }

  /** Places left on each office day of the booking window. */
  async availability(): Promise<{ date: string; remaining: number }[]> {
    const today = this.today();
    const taken = await this.store.takenSlots();
    const capacity = this.config.capacityPerDay;
    return officeDaysInWindow(today, new Set(formData.closedDays)).map((date) => ({
      date,
      remaining: Math.max(0, capacity - (taken.get(date) ?? []).filter((t) => t.n <= capacity).length),
    }));
  }

  private async nextAvailableDays(after: string, count: number): Promise<string[]> {
    const closed = new Set(formData.closedDays);
    const days = (await this.availability()).filter((d) => d.remaining > 0 && d.date > after && isOfficeDay(d.date, closed));
    return days.slice(0, count).map((d) => d.date);
  }
}

/** The confirmation page link after a form post: the answer sealed for one hour, so a reload is safe. */
export function confirmationToken(config: ServerConfig, answer: CreatedAnswer, lang: string, now = Date.now()): string {
  return seal(subkey(config.secret, 'confirmation-token'), JSON.stringify({ ...answer, lang, exp: now + 60 * 60_000 }));
}

export function readConfirmationToken(config: ServerConfig, token: string, now = Date.now()): (CreatedAnswer & { lang: string }) | undefined {
  const text = open(subkey(config.secret, 'confirmation-token'), token);
  if (!text) return undefined;
  const value = JSON.parse(text) as CreatedAnswer & { lang: string; exp: number };
  return value.exp > now ? value : undefined;
}
