/**
 * Pre-registration: validate, check the day has room, hold one place per NIK and a share of the
 * phone number, book a slot on the visit day, store the record with its personal fields encrypted,
 * and answer. Storage failures surface as StorageError (503) after undoing what was done, so no
 * slot is held without a record and no record is half-written.
 *
 * The order is part of the privacy design (README, "What a probe learns"): the day's capacity is
 * checked before anything about the NIK, so on a full day every NIK gets the same answer; the NIK
 * is checked before the phone number, so a NIK that is already registered gets the same 409 whatever
 * else was sent.
 */
import { formData } from '../generated/form-data.ts';
import { buildChecklist, type ChecklistInput, type ChecklistItem } from '../lib/checklist.ts';
import { generateCode, normalizeCode } from '../lib/registration-code.ts';
import { isOfficeDay, jakartaToday, officeDaysInWindow } from '../lib/office-days.ts';
import { parsePreregistration, type FieldErrors, type PreregistrationContext, type PreregistrationInput } from '../schemas/forms/preregistration.ts';
import { AbuseLimits, ABUSE_LIMITS_STORE, NIK_SUBMISSIONS, STATUS_CHECK_FAILURES } from './abuse-limits.ts';
import { currentSecret, secretOfVersion, type ServerConfig } from './config.ts';
import { encryptForOfficers } from './personal-data.ts';
import { keyedHash, open, openToken, sameHash, seal, sealToken, slowHash, subkey, versionOf } from './secrets.ts';
import { serverClock } from './clock.ts';
import { openScopedStore, StorageError } from './storage.ts';
import { openStore, PreregistrationStore, type PhoneEntry, type PreregistrationRecord, type RegistrationStatus, type TakenSlot } from './preregistration-store.ts';

/** A slot whose record has not appeared after this long was left by a failed submission. */
export const LEASE_MS = 2 * 60_000;
/** A NIK index entry whose record has not appeared after this long was left by a failed submission. */
export const NIK_CLAIM_MS = 2 * 60_000;
/**
 * A request that has held its NIK and place longer than this gives up before writing the record:
 * past half the lease, another request could soon take the place over, and a record written then
 * might share its place.
 */
export const HOLD_GIVE_UP_MS = Math.min(LEASE_MS, NIK_CLAIM_MS) / 2;
/** A pending idempotency claim this old belongs to a request that died (longer than any request may hold). */
export const IDEMPOTENCY_CLAIM_MS = HOLD_GIVE_UP_MS + 30_000;
/** Active pre-registrations one phone number may hold: families share phones. */
export const PHONE_ACTIVE_LIMIT = 3;
/** How long a day seen full is taken as full without looking again (a cancellation frees a place). */
const FULL_DAY_CACHE_MS = 60_000;

export function rulesContext(today: string): PreregistrationContext {
  return {
    today,
    closedDays: new Set(formData.closedDays),
    coveredYears: new Set(formData.holidayYears),
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
  | { kind: 'key-reused' }
  | { kind: 'rate-limited'; retryAt: number };

export type StatusResult =
  | { kind: 'found'; status: RegistrationStatus; visitDate: string; code: string }
  | { kind: 'not-found' }
  | { kind: 'locked'; retryAt: number };

/** The request held its place too long to write safely; everything was given back. */
export class HoldExpired extends StorageError {
  constructor() {
    super('hold place, took too long');
    this.name = 'HoldExpired';
  }
}

/** The record write failed and whether it landed could not be checked: nothing is undone (the holds expire). */
export class UncertainWrite extends StorageError {
  constructor(cause: unknown) {
    super('create record, outcome unknown', { cause });
    this.name = 'UncertainWrite';
  }
}

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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What is known of a day's places: full, or the taken slots and any stale leases that may be taken over. */
type Place = { full: true } | { full: false; taken: TakenSlot[]; stale: { n: number; etag: string }[] };

// Per instance, shared by requests: days known full (until when), slots known to hold a record
// (by ETag: a slot that is taken over gets a new one), and lease checks under way.
const fullDays = new Map<string, number>();
const confirmedSlots = new Map<string, Set<string>>();
const staleChecks = new Map<string, Promise<{ stale: { n: number; etag: string }[]; freed: boolean }>>();

export interface ServiceOptions {
  store?: PreregistrationStore;
  limits?: AbuseLimits;
  clock?: () => Date;
  /** Netlify deploy context: every context but production has its own stores. */
  deployContext?: string;
}

export class PreregistrationService {
  private readonly config: ServerConfig;
  private readonly store: PreregistrationStore;
  private readonly limits: AbuseLimits;
  private readonly clock: () => Date;
  private readonly scope: string;

  constructor(config: ServerConfig, options: ServiceOptions = {}) {
    this.config = config;
    this.clock = options.clock ?? serverClock(options.deployContext ?? 'production');
    this.store = options.store ?? new PreregistrationStore(openStore(options.deployContext));
    this.limits = options.limits ?? new AbuseLimits(openScopedStore(ABUSE_LIMITS_STORE, options.deployContext), () => this.clock().getTime());
    this.scope = `${options.deployContext ?? 'production'}|${config.capacityPerDay}`;
  }

  today(): string {
    return jakartaToday(this.clock());
  }

  private now(): number {
    return this.clock().getTime();
  }

  /** Validates and books; with an idempotency key, a retry gets the first answer and stores nothing new. */
  async create(input: unknown, idempotencyKey?: string): Promise<CreateResult> {
    const today = this.today();
    const parsed = parsePreregistration(input, rulesContext(today));
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    if (!idempotencyKey) return this.book(parsed.data, today, generateCode());

    const secret = currentSecret(this.config);
    const key = keyedHash(secret, 'idempotency-key', idempotencyKey);
    const answerKey = subkey(secret.key, `idempotency-answer:${idempotencyKey}`);
    // The key is bound to this request: the same key with other answers is refused, not replayed.
    const fingerprint = keyedHash(secret, 'idempotency-key', `${idempotencyKey}|${JSON.stringify(parsed.data)}`);
    const answerFor = (code: string): CreatedAnswer => ({ code, visitDate: parsed.data.visitDate, checklistInput: checklistInputOf(parsed.data) });
    const done = (code: string) => ({ state: 'done' as const, fingerprint, at: this.now(), answer: seal(answerKey, JSON.stringify(answerFor(code)), key) });

    let claim: { storageKey: string; code: string } | undefined;
    const code = generateCode();
    for (let attempt = 0; !claim; attempt++) {
      const now = this.now();
      const existing = await this.store.findIdempotent(key, today, now);
      if (existing && existing.entry.fingerprint !== fingerprint) return { kind: 'key-reused' };
      // Our own claim, landed though its answer was lost.
      if (existing?.entry.state === 'pending' && existing.entry.code === code) {
        claim = { storageKey: existing.storageKey, code };
        break;
      }
      if (existing?.entry.state === 'done') {
        const answer = open(answerKey, existing.entry.answer, key);
        if (answer) return { kind: 'created', answer: JSON.parse(answer) as CreatedAnswer, replayed: true };
        return { kind: 'in-progress' };
      }
      // A claim whose request died (process ended, storage failed twice) is taken over after a while.
      const abandoned = existing?.entry.state === 'pending' && now - existing.entry.at > IDEMPOTENCY_CLAIM_MS ? existing : undefined;
      if (abandoned?.entry.state === 'pending' && (await this.store.recordExists(abandoned.entry.code))) {
        // That request stored its record and died before storing the answer: the answer is the record's.
        await this.store.completeIdempotent(abandoned.storageKey, done(abandoned.entry.code));
        return { kind: 'created', answer: answerFor(abandoned.entry.code), replayed: true };
      }
      if (!existing || abandoned) {
        const storageKey = await this.store.claimIdempotent(key, today, { state: 'pending', fingerprint, at: now, code }, abandoned);
        if (storageKey) {
          claim = { storageKey, code };
          break;
        }
      }
      if (attempt >= 20) return { kind: 'in-progress' };
      // The first request with this key is still running: wait for its answer.
      await pause(150);
    }
    try {
      const result = await this.book(parsed.data, today, claim.code);
      if (result.kind === 'created') {
        // Retried until stored; should it still fail, the pending claim names the code and a retry finds the record.
        await this.store.completeIdempotent(claim.storageKey, done(result.answer.code)).catch(() => undefined);
      } else {
        await this.store.releaseIdempotent(claim.storageKey).catch(() => undefined);
      }
      return result;
    } catch (error) {
      // After an uncertain write the claim stays: a retry with the key then finds the record, if it landed.
      if (!(error instanceof UncertainWrite)) await this.store.releaseIdempotent(claim.storageKey).catch(() => undefined);
      throw error;
    }
  }

  private async book(data: PreregistrationInput, today: string, firstCode: string): Promise<CreateResult> {
    const day = data.visitDate;
    // 1. Capacity, before anything about the person: a full day is full for every NIK alike.
    let place = await this.placeOn(day);
    if (place.full) return this.fullAnswer(day);

    // 2. The NIK: its slow keyed hash (under every configured secret version), the per-NIK limit,
    //    then one active pre-registration per NIK.
    const [nikKeys, phoneKeys] = await Promise.all([this.slowKeys('nik-index', data.nik), this.slowKeys('phone-index', data.phone)]);
    const limit = await this.limits.take(NIK_SUBMISSIONS, nikKeys[0]!);
    if (!limit.allowed) return { kind: 'rate-limited', retryAt: limit.retryAt };

    let code = firstCode;
    for (let attempt = 0; attempt < 3; attempt++) {
      const heldAt = this.now();
      if (!(await this.holdNik(nikKeys, code, today, heldAt))) return { kind: 'duplicate' };
      const undo: (() => Promise<void>)[] = [() => this.store.releaseNikIndex(nikKeys[0]!, code)];
      try {
        // 3. The phone number: at most three active pre-registrations.
        if (!(await this.holdPhone(phoneKeys, code, day, today))) {
          await this.undo(undo);
          return { kind: 'invalid', errors: { phone: { code: 'phone.tooMany', params: { limit: String(PHONE_ACTIVE_LIMIT) } } } };
        }
        const phoneKey = phoneKeys[0]!;
        undo.push(() => this.store.removeFromPhone(phoneKey, code));

        // 4. A place on the day.
        const slot = await this.claimSlot(day, code, place);
        if (slot === undefined) {
          await this.undo(undo);
          return this.fullAnswer(day);
        }
        undo.push(() => this.store.releaseSlot(day, slot));

        // 5. The record, unless the holds have grown too old to trust.
        const record = await this.buildRecord(code, data, nikKeys[0]!, phoneKey, today);
        if (this.now() - heldAt > HOLD_GIVE_UP_MS) throw new HoldExpired();
        if (await this.writeRecord(record)) {
          return { kind: 'created', answer: { code, visitDate: day, checklistInput: checklistInputOf(data) }, replayed: false };
        }
        // The code is taken (about one chance in 34 billion): give everything back and draw again.
        await this.undo(undo);
        code = generateCode();
        place = await this.placeOn(day);
        if (place.full) return this.fullAnswer(day);
      } catch (error) {
        // A record that may exist keeps its holds; otherwise everything is given back.
        if (!(error instanceof UncertainWrite)) await this.undo(undo);
        throw error;
      }
    }
    throw new StorageError('allocate a unique code');
  }

  /** Gives holds back, newest first; a failure leaves at worst an entry that expires on its own. */
  private async undo(steps: (() => Promise<void>)[]): Promise<void> {
    for (const step of [...steps].reverse()) await step().catch(() => undefined);
  }

  /**
   * Writes the record. A failed write may still have landed (the answer was lost, not the write),
   * and a write the storage client retried after a lost answer comes back as "already exists": in
   * both cases look at what is stored before anything is undone, so a record never exists without
   * its place and NIK entry. False only for a real clash of codes.
   */
  private async writeRecord(record: PreregistrationRecord): Promise<boolean> {
    let created: boolean;
    try {
      created = await this.store.createRecord(record);
    } catch (error) {
      let landed: boolean;
      try {
        landed = await this.isStored(record);
      } catch {
        throw new UncertainWrite(error);
      }
      if (landed) return true;
      throw error;
    }
    if (created) return true;
    try {
      return await this.isStored(record);
    } catch (error) {
      throw new UncertainWrite(error);
    }
  }

  /** Whether the record under this code is this one (same keyed hashes), not another applicant's. */
  private async isStored(record: PreregistrationRecord): Promise<boolean> {
    const stored = await this.store.getRecord(record.code);
    return stored !== undefined && sameHash(stored.statusCheck, record.statusCheck) && stored.nikKey === record.nikKey;
  }

  /** A value's slow keyed hashes under every configured secret, newest first. */
  private slowKeys(purpose: 'nik-index' | 'phone-index', value: string): Promise<string[]> {
    return Promise.all(this.config.secrets.map((secret) => slowHash(secret, purpose, value)));
  }

  /** Whether an index entry still holds its NIK: its record is active, or its record is still being written. */
  private async entryHolds(entry: { code: string; at: number }, today: string): Promise<boolean> {
    const record = await this.store.getRecord(entry.code);
    if (record) return isActive(record, today);
    return this.now() - entry.at < NIK_CLAIM_MS;
  }

  /** Points the NIK at this code unless another active pre-registration holds it. */
  private async holdNik(nikKeys: string[], code: string, today: string, at: number): Promise<boolean> {
    // Entries made under an older secret version still hold their NIK until they end.
    for (const older of nikKeys.slice(1)) {
      const entry = await this.store.readNikIndex(older);
      if (entry && (await this.entryHolds(entry, today))) return false;
    }
    const nikKey = nikKeys[0]!;
    // Most NIKs are new: try to create the entry first, and read only when one exists.
    if (await this.store.writeNikIndex(nikKey, code, undefined, at)) return true;
    for (let attempt = 0; attempt < 3; attempt++) {
      const existing = await this.store.readNikIndex(nikKey);
      if (!existing) {
        if (await this.store.writeNikIndex(nikKey, code, undefined, at)) return true;
        continue;
      }
      // Our own write, landed though its answer was lost.
      if (existing.code === code && existing.at === at) return true;
      if (await this.entryHolds(existing, today)) return false;
      if (await this.store.writeNikIndex(nikKey, code, existing.etag, at)) return true;
    }
    return false;
  }

  /** Whether a phone entry still counts: its visit is to come and it is not cancelled, or its record is still being written. */
  private async phoneEntryCounts(entry: PhoneEntry, today: string): Promise<boolean> {
    const record = await this.store.getRecord(entry.code);
    if (record) return record.status !== 'cancelled' && record.visitDate >= today;
    return this.now() - entry.at < NIK_CLAIM_MS;
  }

  /** Adds this code to the phone number's list, unless the number already has three active pre-registrations. */
  private async holdPhone(phoneKeys: string[], code: string, visitDate: string, today: string): Promise<boolean> {
    const older = (await Promise.all(phoneKeys.slice(1).map((k) => this.store.phoneEntries(k)))).flat().filter((e) => e.visitDate >= today);
    return this.store.updatePhone(phoneKeys[0]!, async (current) => {
      // Entries whose visit day has passed no longer count and are dropped.
      let entries = current.filter((e) => e.visitDate >= today);
      // Our own write, landed though its answer was lost.
      if (entries.some((e) => e.code === code)) return { result: true };
      const upcoming = [...older, ...entries];
      if (upcoming.length >= PHONE_ACTIVE_LIMIT) {
        // Only now read the records: a cancelled one, or a claim whose record never came, does not count.
        const counts = await Promise.all(upcoming.map((e) => this.phoneEntryCounts(e, today)));
        const live = new Set(upcoming.filter((_, i) => counts[i]).map((e) => e.code));
        if (live.size >= PHONE_ACTIVE_LIMIT) return { result: false };
        entries = entries.filter((e) => live.has(e.code));
      }
      return { entries: [...entries, { code, visitDate, at: this.now() }], result: true };
    });
  }

  /** What is known of a day's places: from memory when it was seen full lately, else from one listing. */
  private async placeOn(day: string): Promise<Place> {
    const capacity = this.config.capacityPerDay;
    const cacheKey = `${this.scope}|${day}`;
    const now = this.now();
    if ((fullDays.get(cacheKey) ?? 0) > now) return { full: true };
    const taken = (await this.store.daySlots(day)).filter((t) => t.n >= 1 && t.n <= capacity);
    if (taken.length < capacity) return { full: false, taken, stale: [] };
    const { stale, freed } = await this.staleLeases(day, taken, now);
    if (stale.length > 0 || freed) return { full: false, taken, stale };
    return { full: true };
  }

  /** Books a free place on the day; undefined when the day is full. */
  private async claimSlot(day: string, code: string, first: Place): Promise<number | undefined> {
    const capacity = this.config.capacityPerDay;
    const lease = { code, at: this.now() };
    let place = first;
    for (let round = 0; round < 20 && !place.full; round++) {
      const used = new Set(place.taken.map((t) => t.n));
      const free = shuffle(Array.from({ length: capacity }, (_, i) => i + 1).filter((n) => !used.has(n)));
      let misses = 0;
      for (const n of free) {
        if (await this.store.takeSlot(day, n, lease)) return n;
        // "Taken" may be our own write, landed though its answer was lost and retried.
        const holder = await this.store.slotHolder(day, n);
        if (holder?.code === code && holder.at === lease.at) return n;
        // Others are booking the same day: after a few misses, look again rather than try every slot.
        if (++misses >= 3) break;
      }
      // A lease whose record never appeared (a failed submission) is free again.
      if (free.length === 0) {
        for (const stale of place.stale) {
          if (await this.store.takeSlot(day, stale.n, lease, stale.etag)) return stale.n;
        }
      }
      if (this.now() - lease.at > HOLD_GIVE_UP_MS) throw new HoldExpired();
      place = await this.placeOn(day);
    }
    return undefined;
  }

  /**
   * Slots of a day that looks full whose lease expired without a record. Slots found to hold a
   * record are remembered (by ETag) and never read again; the day is then remembered as full until
   * a young lease could expire, or a minute at most. One look per day at a time in this instance:
   * concurrent refusals share it.
   */
  private staleLeases(day: string, taken: TakenSlot[], now: number): Promise<{ stale: { n: number; etag: string }[]; freed: boolean }> {
    const cacheKey = `${this.scope}|${day}`;
    let check = staleChecks.get(cacheKey);
    if (!check) {
      check = (async () => {
        const confirmed = confirmedSlots.get(cacheKey) ?? new Set<string>();
        confirmedSlots.set(cacheKey, confirmed);
        let until = now + FULL_DAY_CACHE_MS;
        let freed = false;
        const stale: { n: number; etag: string }[] = [];
        await Promise.all(
          taken.map(async (slot) => {
            if (confirmed.has(slot.etag)) return;
            // The listing's ETag was read before the lease: if the lease changes now, a takeover is refused.
            const lease = await this.store.readLease(slot.key);
            if (!lease) {
              freed = true;
              return;
            }
            if (await this.store.recordExists(lease.code)) confirmed.add(slot.etag);
            else if (now - lease.at > LEASE_MS) stale.push({ n: slot.n, etag: slot.etag });
            else until = Math.min(until, lease.at + LEASE_MS);
          }),
        );
        if (stale.length === 0 && !freed) fullDays.set(cacheKey, until);
        return { stale, freed };
      })().finally(() => staleChecks.delete(cacheKey));
      staleChecks.set(cacheKey, check);
    }
    return check;
  }

  private async fullAnswer(day: string): Promise<CreateResult> {
    const next = await this.nextAvailableDays(day, 3);
    return { kind: 'invalid', errors: { visitDate: { code: 'visitDate.full', params: { date: day, next: next.join(',') } } } };
  }

  private async buildRecord(code: string, data: PreregistrationInput, nikKey: string, phoneKey: string, today: string): Promise<PreregistrationRecord> {
    const { consent: _consent, confirmNikMismatch, destinationCountry, regency, visitDate, ...personal } = data;
    const status: RegistrationStatus = 'received';
    const [statusCheck, sealed] = await Promise.all([
      slowHash(currentSecret(this.config), 'status-check', statusCheckValue(code, data.birthDate)),
      encryptForOfficers({ ...personal, nikMismatchConfirmed: confirmNikMismatch === true, consentGiven: today }, this.config.officerKeys, code),
    ]);
    return {
      v: 2,
      code,
      status,
      visitDate,
      regency,
      destination: destinationCountry,
      createdDay: today,
      statusCheck,
      nikKey,
      phoneKey,
      personal: sealed,
      history: [{ status, day: today }],
    };
  }

  /**
   * Status for a code and birth date: the same "not found" for an unknown code and a wrong pair.
   * Each check is counted against the code before it is made, and given back when it succeeds, so
   * ten wrong birth dates in 24 hours lock the code, even for the right one, even in parallel.
   */
  async status(codeInput: string, birthDate: string): Promise<StatusResult> {
    const code = normalizeCode(codeInput);
    if (!code) return { kind: 'not-found' };
    const lockId = keyedHash(currentSecret(this.config), 'status-lock', code);
    const decision = await this.limits.take(STATUS_CHECK_FAILURES, lockId);
    if (!decision.allowed) return { kind: 'locked', retryAt: decision.retryAt };
    const record = await this.store.getRecord(code);
    // The hash is computed for an unknown code too, so both misses take the same time.
    const version = record ? versionOf(record.statusCheck) : undefined;
    const secret = (version && secretOfVersion(this.config, version)) || currentSecret(this.config);
    const expected = await slowHash(secret, 'status-check', statusCheckValue(code, birthDate));
    if (!record || !sameHash(record.statusCheck, expected)) return { kind: 'not-found' };
    await this.limits.giveBack(STATUS_CHECK_FAILURES, lockId, decision.at).catch(() => undefined);
    return { kind: 'found', status: record.status, visitDate: record.visitDate, code };
  }

  /** Office days of the booking window that the holiday list covers. */
  bookableDays(): string[] {
    return officeDaysInWindow(this.today(), new Set(formData.closedDays), new Set(formData.holidayYears));
  }

  /** Places left on each bookable day, from the slot listings of those days' months only. */
  async availability(): Promise<{ date: string; remaining: number }[]> {
    const days = this.bookableDays();
    const taken = await this.store.slotsByDay(days);
    const capacity = this.config.capacityPerDay;
    return days.map((date) => ({ date, remaining: Math.max(0, capacity - (taken.get(date) ?? []).filter((t) => t.n <= capacity).length) }));
  }

  private async nextAvailableDays(after: string, count: number): Promise<string[]> {
    const closed = new Set(formData.closedDays);
    const days = (await this.availability()).filter((d) => d.remaining > 0 && d.date > after && isOfficeDay(d.date, closed));
    return days.slice(0, count).map((d) => d.date);
  }

}

/** The confirmation page link after a form post: the answer sealed for one hour, so a reload is safe. */
export function confirmationToken(config: ServerConfig, answer: CreatedAnswer, lang: string, now = Date.now()): string {
  return sealToken(config.secrets, 'confirmation-token', JSON.stringify({ ...answer, lang, exp: now + 60 * 60_000 }));
}

export function readConfirmationToken(config: ServerConfig, token: string, now = Date.now()): (CreatedAnswer & { lang: string }) | undefined {
  const text = openToken(config.secrets, 'confirmation-token', token);
  if (!text) return undefined;
  const value = JSON.parse(text) as CreatedAnswer & { lang: string; exp: number };
  return value.exp > now ? value : undefined;
}
