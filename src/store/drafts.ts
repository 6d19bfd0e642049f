import { v7 as uuidv7 } from 'uuid';
import type { ReferralAnswers } from '../shared/referral.ts';
import type { DraftRecord, FieldDatabase } from './db.ts';

export async function createDraft(db: FieldDatabase, now: Date): Promise<DraftRecord> {
  const at = now.toISOString();
  const draft: DraftRecord = { id: uuidv7(), caseLabel: '', answers: {}, createdAt: at, updatedAt: at };
  await db.drafts.add(draft);
  return draft;
}

export function getDraft(db: FieldDatabase, id: string): Promise<DraftRecord | undefined> {
  return db.drafts.get(id);
}

/** Drafts the responder is still working on, newest first (queued ones live in the outbox). */
export async function listDrafts(db: FieldDatabase): Promise<DraftRecord[]> {
  const all = await db.drafts.orderBy('updatedAt').reverse().toArray();
  return all.filter((draft) => draft.queuedAt === undefined);
}

export interface DraftChange {
  caseLabel?: string;
  answers?: ReferralAnswers;
}

/** Merges a page's answers into the draft; called on every change so nothing typed is lost. */
export async function saveDraft(db: FieldDatabase, id: string, change: DraftChange, now: Date): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const draft = await db.drafts.get(id);
    if (!draft) throw new Error('This draft no longer exists on this device');
    await db.drafts.put({
      ...draft,
      caseLabel: change.caseLabel ?? draft.caseLabel,
      answers: { ...draft.answers, ...change.answers },
      updatedAt: now.toISOString(),
    });
  });
}

export async function deleteDraft(db: FieldDatabase, id: string): Promise<void> {
  await db.drafts.delete(id);
}
