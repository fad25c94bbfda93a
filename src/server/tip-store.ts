/**
 * Where tips live (Netlify Blobs), and the only module that knows their keys:
 *
 *   tips/<tip key>                       the tip's head: readable triage fields (TIP_CLEAR_FIELDS),
 *                                        the receipt holder's public key, and its entries (the report,
 *                                        follow-ups, officers' messages), each a sealed box with its day
 *   files/<day>/<tip key>/<seal id>-<n>  one sealed evidence file of an entry, in the folder of the day
 *                                        it arrived (the cleanup looks at recent days only)
 *
 * The tip key is a slow keyed hash of the receipt (secrets.ts): the store alone, without the receipt,
 * cannot find or name a tip's reporter, and holds nothing readable but the triage fields and counts.
 *
 * An entry's files are written before the head that names them. A tip or follow-up exists only once
 * its head write has landed; if it fails, the files written for it are deleted at once, and any the
 * failing storage kept are found by the daily cleanup, because no head names them.
 */
import type { Store } from '@netlify/blobs';
import { TIP_CLEAR_FIELDS } from '../lib/tip-facts.ts';
import type { SealedBox } from '../lib/sealing.ts';
import type { ChildInvolved, TipCategory } from '../schemas/forms/tip-fields.ts';
import { addDays } from '../lib/office-days.ts';
import { attempt, conditional, deleteAll, listKeys, openScopedStore, StorageError, update } from './storage.ts';

export const TIPS_STORE = 'tips';

export type TipEntryKind = 'report' | 'follow-up' | 'officer';

export interface TipEntry {
  kind: TipEntryKind;
  /** The Jakarta day it arrived, YYYY-MM-DD: never a time. */
  day: string;
  /** Binds the entry's boxes together (their associated data); random, says nothing. */
  sealId: string;
  box: SealedBox;
  /** Keys of the entry's sealed files. */
  files: string[];
}

/** The readable triage fields; their names are TIP_CLEAR_FIELDS, which the privacy notice lists. */
export interface TipTriage {
  category: TipCategory;
  childInvolved: ChildInvolved;
  /** The Jakarta day the report arrived. */
  day: string;
}

export interface TipHead extends TipTriage {
  v: 1;
  /** The receipt holder's X25519 public key (base64), derived from the receipt: officers seal their messages to it. */
  reporterKey: string;
  entries: TipEntry[];
}

// A compile-time check that the head's readable fields are exactly the ones the privacy notice names.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _clearFieldsMatch: Exactly<keyof TipTriage, (typeof TIP_CLEAR_FIELDS)[number]> = true;
void _clearFieldsMatch;

/** The sealed file to write with an entry. */
export interface PendingFile {
  box: SealedBox;
}

const headKey = (tipKey: string) => `tips/${tipKey}`;
const fileKey = (day: string, tipKey: string, sealId: string, n: number) => `files/${day}/${tipKey}/${sealId}-${n}`;

/** How many past days the cleanup looks at: it runs daily, so a week covers missed runs. */
const ORPHAN_DAYS = 7;

/** The head is already there: another tip holds this key (a receipt collision, about 2⁻⁹⁵), or a retried write of ours landed. */
export class TipExists extends Error {
  constructor() {
    super('tip key taken');
    this.name = 'TipExists';
  }
}

export function openTipStore(deployContext?: string): Store {
  return openScopedStore(TIPS_STORE, deployContext);
}

export class TipStore {
  private readonly store: Store;
  constructor(store: Store) {
    this.store = store;
  }

  async read(tipKey: string): Promise<TipHead | undefined> {
    const head = await attempt('read tip', () => this.store.get(headKey(tipKey), { type: 'json' }));
    return (head as TipHead | null) ?? undefined;
  }

  /** One sealed file, by the key its entry names (for the officers' console). */
  async readFile(key: string): Promise<SealedBox | undefined> {
    const box = await attempt('read tip file', () => this.store.get(key, { type: 'json' }));
    return (box as SealedBox | null) ?? undefined;
  }

  /** Writes the files, then the head with its first entry (the report). Nothing stays behind if it fails. */
  async create(tipKey: string, triage: TipTriage, reporterKey: string, report: Omit<TipEntry, 'files' | 'kind'>, files: readonly PendingFile[]): Promise<void> {
    const keys = await this.writeFiles(tipKey, report.sealId, report.day, files);
    const head: TipHead = { v: 1, category: triage.category, childInvolved: triage.childInvolved, day: triage.day, reporterKey, entries: [{ kind: 'report', ...report, files: keys }] };
    let created: boolean;
    try {
      created = await conditional('store tip', () => this.store.setJSON(headKey(tipKey), head, { onlyIfNew: true }));
    } catch (error) {
      // The write may have landed although its answer was lost: look before undoing anything.
      if (await this.landed(tipKey, report.sealId)) return;
      await this.removeFiles(keys);
      throw error;
    }
    if (created) return;
    if (await this.landed(tipKey, report.sealId)) return; // the client's retry of a write that had landed
    await this.removeFiles(keys);
    throw new TipExists();
  }

  /**
   * Appends an entry (a follow-up or an officer's message) to an existing tip. Returns false when
   * there is no such tip (then nothing is written).
   */
  async append(tipKey: string, entry: Omit<TipEntry, 'files'>, files: readonly PendingFile[]): Promise<boolean> {
    const current = await this.read(tipKey);
    if (!current) return false;
    // Already there (a retried write that had landed): writing its files again could only add files no entry names.
    if (current.entries.some((e) => e.sealId === entry.sealId)) return true;
    const keys = await this.writeFiles(tipKey, entry.sealId, entry.day, files);
    try {
      let named = keys;
      const appended = await update<TipHead, boolean>(this.store, 'append tip entry', headKey(tipKey), (head) => {
        if (!head) return { result: false };
        const landed = head.entries.find((e) => e.sealId === entry.sealId);
        if (landed) {
          named = landed.files; // a concurrent retry landed first
          return { result: true };
        }
        return { value: { ...head, entries: [...head.entries, { ...entry, files: keys }] }, result: true };
      });
      if (!appended) await this.removeFiles(keys);
      else if (named !== keys) await this.removeFiles(keys.filter((k) => !named.includes(k)));
      return appended;
    } catch (error) {
      const head = await this.read(tipKey).catch(() => undefined);
      if (head?.entries.some((e) => e.sealId === entry.sealId)) return true;
      await this.removeFiles(keys);
      throw error;
    }
  }

  private async landed(tipKey: string, sealId: string): Promise<boolean> {
    try {
      const head = await this.read(tipKey);
      return head?.entries[0]?.sealId === sealId;
    } catch {
      return false;
    }
  }

  private async writeFiles(tipKey: string, sealId: string, day: string, files: readonly PendingFile[]): Promise<string[]> {
    const keys = files.map((_, n) => fileKey(day, tipKey, sealId, n));
    const written: string[] = [];
    try {
      for (const [n, file] of files.entries()) {
        // A seal id is fresh for every entry, so an existing key can only be our own retried write.
        await conditional('store tip file', () => this.store.setJSON(keys[n]!, file.box, { onlyIfNew: true }));
        written.push(keys[n]!);
      }
    } catch (error) {
      await this.removeFiles([...written, keys[written.length]!]);
      throw error;
    }
    return keys;
  }

  /** Best effort: the daily cleanup removes what a failing store keeps. */
  private async removeFiles(keys: readonly string[]): Promise<void> {
    await deleteAll(this.store, 'remove tip files', keys).catch(() => undefined);
  }

  /**
   * Deletes sealed files that no head names: left by a submission whose head write failed while
   * storage was failing. Looks at the folders of the last week before today (today's files may still
   * be waiting for their head), so its cost follows a week's evidence, not everything stored.
   * Returns how many went.
   */
  async removeOrphanFiles(today: string): Promise<number> {
    let removed = 0;
    for (let back = 1; back <= ORPHAN_DAYS; back++) {
      const day = addDays(today, -back);
      const byTip = new Map<string, string[]>();
      for (const { key } of await listKeys(this.store, 'clean tip files', `files/${day}/`)) {
        const tipKey = key.split('/')[2]!;
        byTip.set(tipKey, [...(byTip.get(tipKey) ?? []), key]);
      }
      for (const [tipKey, keys] of byTip) {
        const named = new Set((await this.read(tipKey))?.entries.flatMap((e) => e.files) ?? []);
        const orphans = keys.filter((key) => !named.has(key));
        await deleteAll(this.store, 'clean tip files', orphans);
        removed += orphans.length;
      }
    }
    return removed;
  }

  /** Every tip key (for the officers' console and tests): counts are all the store alone reveals. */
  async tipKeys(): Promise<string[]> {
    return (await listKeys(this.store, 'list tips', 'tips/')).map((k) => k.key.slice('tips/'.length));
  }
}

export { StorageError };
