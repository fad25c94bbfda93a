/**
 * Abuse limits the application enforces itself, keyed by keyed hashes it already computes (a code's
 * hash, a NIK's slow hash), never by an address: Netlify's rateLimit (function config) counts by IP
 * at the edge, where the function never sees it, and @netlify/dev does not enforce it locally.
 *
 * Each limit counts events in a sliding window of at most 24 hours. Events are kept in one entry
 * per limit, Jakarta day and hashed id ("nik-submissions/2026-11-29/v1.abc…"): counting reads
 * today's and yesterday's entries, and the daily cleanup deletes older days by name, without
 * reading them. An event is counted BEFORE the guarded work runs (take), so a hundred parallel
 * guesses get no more tries than a hundred guesses in a row; work that turns out well can give its
 * event back (giveBack).
 */
import type { Store } from '@netlify/blobs';
import { addDays, jakartaToday } from '../lib/office-days.ts';
import { RECEIPT_FAILURES_BEFORE_LOCK } from '../lib/tip-facts.ts';
import { attempt, deleteDayFolders, openScopedStore, update } from './storage.ts';

export const ABUSE_LIMITS_STORE = 'abuse-limits';

const HOUR = 60 * 60_000;

export interface LimitRule {
  /** Names the counter and its storage folder. */
  kind: string;
  /** Events allowed in the window; the next one is refused. */
  limit: number;
  /** The window, at most 24 hours. */
  windowMs: number;
  /**
   * Keep only the day of each event, not its time: events count from the start of their Jakarta day,
   * so the window becomes the calendar day. For counters tied to a tip, where a time is more than the
   * tip itself keeps.
   */
  dayOnly?: boolean;
}

/** Wrong birth dates for one registration code: after 10 in 24 h even the right one is refused until the window clears. */
export const STATUS_CHECK_FAILURES: LimitRule = { kind: 'status-check-failures', limit: 10, windowMs: 24 * HOUR };
/** Submissions that reach the NIK check, per NIK. */
export const NIK_SUBMISSIONS: LimitRule = { kind: 'nik-submissions', limit: 5, windowMs: 24 * HOUR };

/** Failed receipt checks per receipt neighbourhood (tip-service.ts): after 10 in 24 h the neighbourhood is locked. */
export const RECEIPT_FAILURES: LimitRule = { kind: 'receipt-failures', limit: RECEIPT_FAILURES_BEFORE_LOCK, windowMs: 24 * HOUR };
/** Follow-ups one receipt may add in a Jakarta day: enough for a conversation, not for a flood. No times are kept. */
export const TIP_FOLLOW_UPS: LimitRule = { kind: 'tip-follow-ups', limit: 20, windowMs: 24 * HOUR, dayOnly: true };

export type LimitDecision = { allowed: true; at: number } | { allowed: false; retryAt: number };

interface Bucket {
  /** When each event happened, ms since epoch. */
  hits: number[];
}

export class AbuseLimits {
  private readonly store: Store;
  private readonly clock: () => number;

  constructor(store: Store = openScopedStore(ABUSE_LIMITS_STORE), clock: () => number = Date.now) {
    this.store = store;
    this.clock = clock;
  }

  private key(rule: LimitRule, day: string, id: string) {
    return `${rule.kind}/${day}/${id}`;
  }

  /** Counts one event for `id`, unless the limit is reached; then says when to try again. */
  async take(rule: LimitRule, id: string): Promise<LimitDecision> {
    if (rule.windowMs > 24 * HOUR) throw new RangeError('a limit window is at most 24 hours');
    const now = this.clock();
    const today = jakartaToday(new Date(now));
    const since = now - rule.windowMs;
    const at = rule.dayOnly ? Date.parse(`${today}T00:00:00+07:00`) : now;
    const yesterday = await attempt('read limit', () => this.store.get(this.key(rule, addDays(today, -1), id), { type: 'json' }));
    const earlier = ((yesterday as Bucket | null)?.hits ?? []).filter((t) => t > since);
    return update<Bucket, LimitDecision>(this.store, 'count limit', this.key(rule, today, id), (current) => {
      const recent = [...earlier, ...(current?.hits ?? []).filter((t) => t > since)].sort((a, b) => a - b);
      // Allowed again once enough of the oldest events have left the window.
      if (recent.length >= rule.limit) return { result: { allowed: false, retryAt: recent[recent.length - rule.limit]! + rule.windowMs } };
      const kept = (current?.hits ?? []).filter((t) => t > since);
      return { value: { hits: [...kept, at] }, result: { allowed: true, at } };
    });
  }

  /** Takes back an event counted by `take` (the guarded work went well). */
  async giveBack(rule: LimitRule, id: string, at: number): Promise<void> {
    const day = jakartaToday(new Date(at));
    await update<Bucket, void>(this.store, 'give back limit', this.key(rule, day, id), (current) => {
      const hits = current?.hits ?? [];
      const i = hits.indexOf(at);
      if (i < 0) return { result: undefined };
      return { value: { hits: hits.filter((_, j) => j !== i) }, result: undefined };
    });
  }

  /** Deletes the days no window can reach any more (before yesterday). For the daily cleanup. */
  async removeOldDays(rules: readonly LimitRule[]): Promise<number> {
    const today = jakartaToday(new Date(this.clock()));
    let removed = 0;
    for (const rule of rules) removed += await deleteDayFolders(this.store, 'clean limits', `${rule.kind}/`, addDays(today, -1));
    return removed;
  }
}

export const ALL_LIMITS: readonly LimitRule[] = [STATUS_CHECK_FAILURES, NIK_SUBMISSIONS, RECEIPT_FAILURES, TIP_FOLLOW_UPS];
