/**
 * The daily cleanup (a scheduled function): slot holds of past days, idempotency answers older than
 * a day, and abuse-limit counters no window can reach. Records are kept: what happens to them is the
 * officers' retention rule, not this job's. Entries are deleted by their day folder's name, so the
 * job's cost follows what is due, not what is stored.
 */
import { jakartaToday } from '../../lib/office-days.ts';
import { AbuseLimits, ALL_LIMITS, ABUSE_LIMITS_STORE } from '../abuse-limits.ts';
import { json, isServiceFault, type FunctionContext } from '../http.ts';
import { openStore, PreregistrationStore } from '../preregistration-store.ts';
import { deployContextOf, openScopedStore } from '../storage.ts';

export interface CleanupReport {
  slots: number;
  idempotency: number;
  limits: number;
}

export async function cleanUpPastData(deployContext?: string, now: () => Date = () => new Date()): Promise<CleanupReport> {
  const today = jakartaToday(now());
  const store = new PreregistrationStore(openStore(deployContext));
  const limits = new AbuseLimits(openScopedStore(ABUSE_LIMITS_STORE, deployContext), () => now().getTime());
  const slots = await store.removePastSlots(today);
  const idempotency = await store.removeExpiredIdempotency(today);
  const removedLimits = await limits.removeOldDays(ALL_LIMITS);
  return { slots, idempotency, limits: removedLimits };
}

export async function handleCleanup(_request: Request, context?: FunctionContext): Promise<Response> {
  try {
    const report = await cleanUpPastData(deployContextOf(context));
    // Counts only: nothing personal is in them.
    console.log(`ltsa: cleanup removed ${report.slots} past slot holds, ${report.idempotency} idempotency entries, ${report.limits} limit counters`);
    return json(200, report);
  } catch (error) {
    if (isServiceFault('preregistrations.cleanup', error)) return json(503, { error: 'service-unavailable' });
    throw error;
  }
}
