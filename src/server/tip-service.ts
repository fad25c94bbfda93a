/**
 * Tips: take a report (sealed in the browser, or plain and sealed here), give a receipt, and let the
 * receipt's holder read the status and the officers' messages, and add information.
 *
 * The receipt is made here, from a CSPRNG, after the report arrives; it never reaches storage. The
 * tip's key is a slow keyed hash of it (the server secret is the pepper), and the receipt holder's
 * key pair is derived from it, so officers can seal messages that only the receipt (and officers) open.
 *
 * Receipt checks lock after repeated failures, like the pre-registration status check. A receipt has
 * 95 random bits, so the danger is not blind guessing but someone who saw most of a receipt (a photo,
 * a scrap of paper) trying the rest. Failures are therefore counted per "neighbourhood": the receipt
 * with one of its five groups left out, for each group. Guessing the characters of one unknown group
 * hits one neighbourhood every time and locks it after 10 tries; a random guess shares a neighbourhood
 * with a real receipt with a chance of about 2⁻⁷⁶, so guessers cannot lock real reporters out. A typo
 * is caught by the check character before anything is counted.
 */
import { jakartaToday } from '../lib/office-days.ts';
import { generateReceipt, normalizeReceipt } from '../lib/receipt.ts';
import { newSealId, reporterKeys, toBase64, type SealRecipient } from '../lib/sealing.ts';
import { evidenceName, openOfficerEntry, sealEvidence, sealFollowUp, sealReport, type EvidenceMeta } from '../lib/tip-sealing.ts';
import { TIP_STATUSES, type TipStatus } from '../lib/tip-facts.ts';
import type { SealedFollowUp, SealedTip, TipReport } from '../schemas/forms/tip.ts';
import { AbuseLimits, ABUSE_LIMITS_STORE, RECEIPT_FAILURES, TIP_FOLLOW_UPS, type LimitDecision } from './abuse-limits.ts';
import { currentSecret, type ServerConfig } from './config.ts';
import { serverClock } from './clock.ts';
import { keyedHash, slowHash } from './secrets.ts';
import { openScopedStore } from './storage.ts';
import { openTipStore, TipExists, TipStore, type PendingFile, type TipHead } from './tip-store.ts';

/** An evidence file after cleaning (see evidence.ts), ready to seal. */
export interface CleanFile {
  type: string;
  bytes: Uint8Array;
}

export interface OfficerMessage {
  day: string;
  text: string;
}

export type StatusResult =
  | { kind: 'found'; status: TipStatus; messages: OfficerMessage[]; followUpDays: string[]; reportDay: string }
  | { kind: 'not-found' }
  | { kind: 'locked'; retryAt: number };

/** `reason` says why a follow-up is refused: the receipt's neighbourhood is locked, or the day's follow-ups are used up. */
export type FollowUpResult = { kind: 'added' } | { kind: 'not-found' } | { kind: 'locked'; retryAt: number; reason: 'receipt' | 'follow-ups' };

/** The officer set the browser sealed to is not the current one: it must fetch the keys and seal again. */
export class KeysChanged extends Error {
  constructor() {
    super('officer keys changed');
    this.name = 'KeysChanged';
  }
}

const isStatus = (value: unknown): value is TipStatus => (TIP_STATUSES as readonly unknown[]).includes(value);

export class TipService {
  private readonly config: ServerConfig;
  private readonly tips: TipStore;
  private readonly limits: AbuseLimits;
  private readonly clock: () => number;

  constructor(config: ServerConfig, options: { deployContext?: string; clock?: () => number } = {}) {
    this.config = config;
    const clock = serverClock(options.deployContext ?? 'production');
    this.clock = options.clock ?? (() => clock().getTime());
    this.tips = new TipStore(openTipStore(options.deployContext));
    this.limits = new AbuseLimits(openScopedStore(ABUSE_LIMITS_STORE, options.deployContext), this.clock);
  }

  private today(): string {
    return jakartaToday(new Date(this.clock()));
  }

  /** The officers' public keys, which the browser seals to. */
  officers(): SealRecipient[] {
    return this.config.officerKeys.map((k) => ({ id: k.id, publicKey: k.publicKey }));
  }

  publicKeys(): { id: string; publicKey: string }[] {
    return this.config.officerKeys.map((k) => ({ id: k.id, publicKey: toBase64(k.publicKey) }));
  }

  /** The tip key under every configured secret version, newest first: all computed, so every lookup costs the same. */
  private tipKeys(receipt: string): Promise<string[]> {
    return Promise.all(this.config.secrets.map((secret) => slowHash(secret, 'tip-receipt', receipt)));
  }

  /** Stores a report sealed here (no JavaScript, or an API client): files must already be cleaned. */
  async submitPlain(report: TipReport, files: readonly CleanFile[]): Promise<{ receipt: string }> {
    const sealId = newSealId();
    const officers = this.officers();
    const meta: EvidenceMeta[] = files.map((f, i) => ({ name: evidenceName(i, f.type), type: f.type, size: f.bytes.length }));
    const box = await sealReport({ ...report, files: meta }, officers, sealId);
    const sealedFiles = await Promise.all(files.map(async (f) => ({ box: await sealEvidence(f.bytes, officers, sealId) })));
    return this.store({ category: report.category, childInvolved: report.childInvolved }, sealId, box, sealedFiles);
  }

  /** Stores a report the browser sealed. Throws KeysChanged when it was sealed to another set of officers. */
  async submitSealed(sealed: SealedTip): Promise<{ receipt: string }> {
    this.checkRecipients([sealed.report, ...(sealed.files ?? [])]);
    return this.store({ category: sealed.category, childInvolved: sealed.childInvolved }, sealed.sealId, sealed.report, (sealed.files ?? []).map((box) => ({ box })));
  }

  /** Every box must be sealed to exactly the current officers, so that no officer is left unable to read it. */
  private checkRecipients(boxes: readonly { recipients: { id: string }[] }[]): void {
    const wanted = new Set(this.config.officerKeys.map((k) => k.id));
    for (const box of boxes) {
      const ids = box.recipients.map((r) => r.id);
      if (ids.length !== wanted.size || new Set(ids).size !== ids.length || ids.some((id) => !wanted.has(id))) throw new KeysChanged();
    }
  }

  private async store(triage: Pick<TipHead, 'category' | 'childInvolved'>, sealId: string, box: TipHead['entries'][number]['box'], files: PendingFile[]): Promise<{ receipt: string }> {
    const day = this.today();
    for (let tries = 0; ; tries++) {
      const receipt = generateReceipt();
      const tipKey = await slowHash(currentSecret(this.config), 'tip-receipt', receipt);
      const { publicKey } = await reporterKeys(receipt);
      try {
        await this.tips.create(tipKey, { ...triage, day }, toBase64(publicKey), { day, sealId, box }, files);
        return { receipt };
      } catch (error) {
        // Two receipts with the same 95 bits: draw another (once in the lifetime of the universe).
        if (error instanceof TipExists && tries < 2) continue;
        throw error;
      }
    }
  }

  /**
   * The five neighbourhoods of a receipt (see the top of this file), as keyed hashes: the counters
   * name no receipt and no tip.
   */
  private neighbourhoods(receipt: string): string[] {
    const groups = receipt.split('-');
    const secret = currentSecret(this.config);
    return groups.map((_, i) => keyedHash(secret, 'receipt-neighbourhood', groups.map((g, j) => (j === i ? '*' : g)).join('-')));
  }

  /**
   * Counts a check against every neighbourhood before looking (so parallel guesses get no extra
   * tries), and gives the counts back when the receipt was right.
   */
  private async withReceipt<T>(receiptInput: string, work: (head: TipHead, tipKey: string, receipt: string) => Promise<T>): Promise<T | { kind: 'not-found' } | { kind: 'locked'; retryAt: number; reason: 'receipt' }> {
    const receipt = normalizeReceipt(receiptInput);
    if (!receipt) return { kind: 'not-found' };
    const ids = this.neighbourhoods(receipt);
    const decisions: LimitDecision[] = await Promise.all(ids.map((id) => this.limits.take(RECEIPT_FAILURES, id)));
    const giveBack = () => Promise.all(decisions.map((d, i) => (d.allowed ? this.limits.giveBack(RECEIPT_FAILURES, ids[i]!, d.at) : undefined)));
    const refused = decisions.filter((d): d is { allowed: false; retryAt: number } => !d.allowed);
    if (refused.length > 0) {
      // Locked: the counts just taken are not the reporter's fault, so they go back.
      await giveBack();
      return { kind: 'locked', retryAt: Math.max(...refused.map((d) => d.retryAt)), reason: 'receipt' };
    }
    const keys = await this.tipKeys(receipt);
    const heads = await Promise.all(keys.map((key) => this.tips.read(key)));
    // Derived either way, so a known receipt and an unknown one take about the same time.
    const index = heads.findIndex(Boolean);
    if (index < 0) {
      await reporterKeys(receipt);
      return { kind: 'not-found' };
    }
    await giveBack();
    return work(heads[index]!, keys[index]!, receipt);
  }

  /** The status and the officers' messages, opened with the key the receipt derives. */
  async status(receiptInput: string): Promise<StatusResult> {
    return this.withReceipt(receiptInput, async (head, _key, receipt) => {
      const { opening } = await reporterKeys(receipt);
      let status: TipStatus = 'received';
      const messages: OfficerMessage[] = [];
      for (const entry of head.entries) {
        if (entry.kind !== 'officer') continue;
        const content = await openOfficerEntry(entry.box, opening, entry.sealId).catch(() => undefined);
        if (!content) continue; // not sealed to this receipt (a note between officers)
        if (isStatus(content.status)) status = content.status;
        if (typeof content.text === 'string' && content.text.trim()) messages.push({ day: entry.day, text: content.text });
      }
      return {
        kind: 'found' as const,
        status,
        messages,
        followUpDays: head.entries.filter((e) => e.kind === 'follow-up').map((e) => e.day),
        reportDay: head.day,
      };
    });
  }

  /** Adds the reporter's information or answer, sealed here. */
  async followUpPlain(receiptInput: string, message: string, files: readonly CleanFile[]): Promise<FollowUpResult> {
    return this.followUp(receiptInput, async () => {
      const sealId = newSealId();
      const officers = this.officers();
      const meta: EvidenceMeta[] = files.map((f, i) => ({ name: evidenceName(i, f.type), type: f.type, size: f.bytes.length }));
      const box = await sealFollowUp({ message, files: meta }, officers, sealId);
      const sealed = await Promise.all(files.map(async (f) => ({ box: await sealEvidence(f.bytes, officers, sealId) })));
      return { sealId, box, files: sealed };
    });
  }

  /** Adds a follow-up the browser sealed. Throws KeysChanged when it was sealed to another set of officers. */
  async followUpSealed(sealed: SealedFollowUp): Promise<FollowUpResult> {
    this.checkRecipients([sealed.message, ...(sealed.files ?? [])]);
    return this.followUp(sealed.receipt, async () => ({ sealId: sealed.sealId, box: sealed.message, files: (sealed.files ?? []).map((box) => ({ box })) }));
  }

  private async followUp(receiptInput: string, seal: () => Promise<{ sealId: string; box: TipHead['entries'][number]['box']; files: PendingFile[] }>): Promise<FollowUpResult> {
    const result = await this.withReceipt(receiptInput, async (_head, tipKey) => {
      // A flood of follow-ups on one receipt stops here; the reporter is told when to try again.
      const counter = keyedHash(currentSecret(this.config), 'tip-follow-ups', tipKey);
      const decision = await this.limits.take(TIP_FOLLOW_UPS, counter);
      if (!decision.allowed) return { kind: 'locked' as const, retryAt: decision.retryAt, reason: 'follow-ups' as const };
      // A follow-up that is not stored does not count against the reporter.
      const giveBack = () => this.limits.giveBack(TIP_FOLLOW_UPS, counter, decision.at).catch(() => undefined);
      try {
        const { sealId, box, files } = await seal();
        const added = await this.tips.append(tipKey, { kind: 'follow-up', day: this.today(), sealId, box }, files);
        if (!added) await giveBack();
        return added ? { kind: 'added' as const } : { kind: 'not-found' as const };
      } catch (error) {
        await giveBack();
        throw error;
      }
    });
    return result;
  }
}

