/**
 * The daily tip cleanup (a scheduled function): sealed evidence files that no tip names, left by a
 * submission whose head write failed while storage was failing (tip-store.ts). Tips themselves are
 * kept: deleting closed tips is the officers' retention rule (CLOSED_TIP_RETENTION_YEARS), run by the
 * officers' console. Counters of the tip limits go with the pre-registration cleanup (ALL_LIMITS).
 */
import { jakartaToday } from '../../lib/office-days.ts';
import { json, isServiceFault, type FunctionContext } from '../http.ts';
import { deployContextOf } from '../storage.ts';
import { openTipStore, TipStore } from '../tip-store.ts';

export async function cleanUpTipFiles(deployContext?: string, now: () => Date = () => new Date()): Promise<{ files: number }> {
  return { files: await new TipStore(openTipStore(deployContext)).removeOrphanFiles(jakartaToday(now())) };
}

export async function handleTipsCleanup(_request: Request, context?: FunctionContext): Promise<Response> {
  try {
    const report = await cleanUpTipFiles(deployContextOf(context));
    // A count only: nothing personal is in it.
    console.log(`ltsa: tip cleanup removed ${report.files} orphan evidence files`);
    return json(200, report);
  } catch (error) {
    if (isServiceFault('tips.cleanup', error)) return json(503, { error: 'service-unavailable' });
    throw error;
  }
}
