import { v7 as uuidv7 } from 'uuid';
import { upgradeAnswers } from '../shared/form/upgrade-answers.ts';
import type { ReferralAnswers } from '../shared/referral.ts';
import { box, unbox, type Boxed } from './box.ts';
import type { DraftContent, DraftRecord, FieldDatabase } from './db.ts';
import { purgeFiles } from './evidence-chunks.ts';

/** A draft as the screens see it: decrypted, in memory only. */
export interface Draft extends DraftContent {
  id: string;
  createdAt: string;
  updatedAt: string;
  queuedAt?: string;
  encounterId?: string;
}

export const draftContext = (id: string) => `draft:${id}`;

/** Every encryption draws a fresh IV, so it tells one stored version from another. */
const ivOf = (content: Boxed | undefined) => (content ? content.iv.join(',') : '');

async function open(key: CryptoKey, record: DraftRecord): Promise<Draft> {
  const content = record.content
    ? await unbox<DraftContent>(key, record.content, draftContext(record.id))
    : { caseLabel: record.caseLabel ?? '', answers: record.answers ?? {} };
  return {
    id: record.id,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    queuedAt: record.queuedAt,
    encounterId: record.encounterId,
    caseLabel: content.caseLabel,
    answers: upgradeAnswers(content.answers),
  };
}

export async function createDraft(db: FieldDatabase, key: CryptoKey, now: Date): Promise<Draft> {
  const draft = await newDraft(key, now);
  await db.drafts.add(draft.record);
  return draft.opened;
}

/** A draft ready to store (encrypted), with its first answers: a person added at an encounter starts pre-filled. */
export async function newDraft(key: CryptoKey, now: Date, start: DraftContent = { caseLabel: '', answers: {} }, encounterId?: string): Promise<{ record: DraftRecord; opened: Draft }> {
  const at = now.toISOString();
  const id = uuidv7();
  const record: DraftRecord = { id, content: await box(key, start, draftContext(id)), createdAt: at, updatedAt: at, ...(encounterId ? { encounterId } : {}) };
  return { record, opened: { id, createdAt: at, updatedAt: at, encounterId, ...start } };
}

export async function getDraft(db: FieldDatabase, key: CryptoKey, id: string): Promise<Draft | undefined> {
  const record = await db.drafts.get(id);
  return record ? open(key, record) : undefined;
}

/** The other people's drafts of an encounter still on the device (queued ones too, until delivered). */
export async function encounterCompanions(db: FieldDatabase, key: CryptoKey, encounterId: string, exceptId: string): Promise<Draft[]> {
  const records = await db.drafts.where('encounterId').equals(encounterId).toArray();
  return Promise.all(records.filter((record) => record.id !== exceptId).map((record) => open(key, record)));
}

/** Drafts the responder is still working on, newest first (queued ones live in the outbox). */
export async function listDrafts(db: FieldDatabase, key: CryptoKey): Promise<Draft[]> {
  const records = await db.drafts.orderBy('updatedAt').reverse().toArray();
  return Promise.all(records.filter((record) => record.queuedAt === undefined).map((record) => open(key, record)));
}

export interface DraftChange {
  caseLabel?: string;
  answers?: ReferralAnswers;
}

/**
 * Merges a page's answers into the draft, encrypted, on every change so nothing typed is lost. If the
 * device is full the write fails as a whole and what was stored before stays as it was.
 */
export async function saveDraft(db: FieldDatabase, key: CryptoKey, id: string, change: DraftChange, now: Date): Promise<void> {
  // Encryption cannot run inside an IndexedDB transaction (it would commit early), so the write
  // checks that nobody saved in between, and merges again if someone did.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const record = await db.drafts.get(id);
    if (!record) throw new Error('This draft no longer exists on this device');
    const current = await open(key, record);
    const content: DraftContent = { caseLabel: change.caseLabel ?? current.caseLabel, answers: { ...current.answers, ...change.answers } };
    const sealed = await box(key, content, draftContext(id));
    const { caseLabel: _legacyLabel, answers: _legacyAnswers, ...kept } = record;
    const written = await db.transaction('rw', db.drafts, async () => {
      const latest = await db.drafts.get(id);
      if (!latest) throw new Error('This draft no longer exists on this device');
      if (latest.updatedAt !== record.updatedAt || ivOf(latest.content) !== ivOf(record.content)) return false;
      await db.drafts.put({ ...kept, content: sealed, updatedAt: now.toISOString() });
      return true;
    });
    if (written) return;
  }
  throw new Error('This draft is being changed somewhere else on this device; try again');
}

export async function deleteDraft(db: FieldDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.drafts, db.files, db.fileChunks], async () => {
    await db.drafts.delete(id);
    await purgeFiles(db, id);
  });
}
