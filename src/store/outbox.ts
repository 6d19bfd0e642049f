import { Dexie } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { UploadFile } from '../shared/evidence-protocol.ts';
import type { AdditionReceipt } from '../shared/additions.ts';
import type { Problem, Receipt, ReferralStatus, Submission } from '../shared/protocol.ts';
import { box, unbox } from './box.ts';
import type { AdditionRecord, FieldDatabase, OutboxRecord, OutboxState } from './db.ts';
import { draftContext, getDraft, type Draft } from './drafts.ts';
import { purgeFiles, readChunk } from './evidence-chunks.ts';

/** Never due by itself: waits for the user (fix, sign in) rather than a timer. */
const NOT_BY_TIMER = Number.MAX_SAFE_INTEGER;

/** States the sender picks up. `sending` counts: one sender runs at a time, so an item still marked sending was interrupted. */
const SENDABLE: OutboxState[] = ['queued', 'sending'];

export const labelContext = (id: string) => `label:${id}`;

/** An outbox item as the screens see it, its label decrypted. */
export type OutboxItem = Omit<OutboxRecord, 'label'> & { caseLabel: string };

/**
 * Moves a finished draft into the outbox in one transaction: it is either queued or still a draft.
 * `files`: the evidence to upload before the submission (its chunks stay where they were stored).
 */
export async function queueSubmission(db: FieldDatabase, key: CryptoKey, submission: Submission, caseLabel: string, now: Date, files?: UploadFile[]): Promise<void> {
  const at = now.toISOString();
  const label = await box(key, caseLabel, labelContext(submission.id));
  await db.transaction('rw', db.drafts, db.outbox, db.envelopes, async () => {
    const existing = await db.outbox.get(submission.id);
    if (existing && existing.state !== 'needs-attention') {
      throw new Error('This referral is already in the outbox');
    }
    await db.outbox.put({
      id: submission.id,
      label,
      state: 'queued',
      schemaVersion: submission.schemaVersion,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      attempts: 0,
      nextAttemptAt: now.getTime(),
    });
    await db.envelopes.put({ id: submission.id, submission, ...(files && files.length > 0 ? { files } : {}) });
    await db.drafts.update(submission.id, { queuedAt: at });
  });
}

async function openItem(key: CryptoKey, record: OutboxRecord): Promise<OutboxItem> {
  const { label, caseLabel, ...rest } = record;
  return { ...rest, caseLabel: label ? await unbox<string>(key, label, labelContext(record.id)) : (caseLabel ?? '') };
}

/** Newest first. */
export async function listOutbox(db: FieldDatabase, key: CryptoKey): Promise<OutboxItem[]> {
  const records = (await db.outbox.toArray()).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return Promise.all(records.map((record) => openItem(key, record)));
}

export async function getOutboxItem(db: FieldDatabase, key: CryptoKey, id: string): Promise<OutboxItem | undefined> {
  const record = await db.outbox.get(id);
  return record ? openItem(key, record) : undefined;
}

/** States only: enough for the header's status line, readable while the vault is locked. */
export async function outboxStates(db: FieldDatabase): Promise<OutboxState[]> {
  return (await db.outbox.orderBy('state').keys()) as OutboxState[];
}

/** "Open and fix": the draft becomes editable again; the refused copy stays until the fixed one is queued. */
export async function reopenForFix(db: FieldDatabase, id: string): Promise<boolean> {
  return db.transaction('rw', db.drafts, db.outbox, async () => {
    const item = await db.outbox.get(id);
    if (item?.state !== 'needs-attention') return false;
    return (await db.drafts.update(id, { queuedAt: undefined })) === 1;
  });
}

/**
 * After a 409 (the server holds different content under this id) the user may send this copy as a
 * new referral: same content, new id. The sealed body and every encrypted field are bound to the id,
 * so they are made again from the draft (kept until delivery) for the new one.
 */
export async function resendAsNew(
  db: FieldDatabase,
  key: CryptoKey,
  id: string,
  now: Date,
  seal: (draft: Draft, newId: string) => Promise<{ submission: Submission; files?: UploadFile[] }>,
): Promise<string | undefined> {
  const item = await getOutboxItem(db, key, id);
  const draft = await getDraft(db, key, id);
  if (item?.state !== 'needs-attention' || !draft) return undefined;
  const newId = uuidv7();
  const at = now.toISOString();
  const { submission, files } = await seal(draft, newId);
  const label = await box(key, item.caseLabel, labelContext(newId));
  const content = await box(key, { caseLabel: draft.caseLabel, answers: draft.answers }, draftContext(newId));
  return db.transaction('rw', [db.drafts, db.outbox, db.envelopes, db.files], async () => {
    const { problem: _problem, lastError: _error, caseLabel: _label, ...rest } = item;
    await db.outbox.add({ ...rest, id: newId, label, schemaVersion: submission.schemaVersion, state: 'queued', attempts: 0, nextAttemptAt: now.getTime(), updatedAt: at });
    await db.envelopes.add({ id: newId, submission, ...(files && files.length > 0 ? { files } : {}) });
    // The files' chunks and keys are not bound to the referral id: they move with the draft as they are.
    await db.files.where('draftId').equals(id).modify({ draftId: newId });
    await db.drafts.add({ id: newId, content, createdAt: draft.createdAt, updatedAt: at, queuedAt: at });
    await db.drafts.delete(id);
    await db.envelopes.delete(id);
    await db.outbox.delete(id);
    return newId;
  });
}

/** Deletes an undelivered item, its body and its draft. Only ever called after the user has confirmed it. */
export async function discardOutboxItem(db: FieldDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.drafts, db.outbox, db.envelopes, db.files, db.fileChunks], async () => {
    const item = await db.outbox.get(id);
    if (!item || item.state === 'delivered') return;
    await db.outbox.delete(id);
    await db.envelopes.delete(id);
    await db.drafts.delete(id);
    await purgeFiles(db, id);
  });
}

/** After signing in again: paused items (referrals and additions) go back in the queue. */
export async function resumePaused(db: FieldDatabase, now: Date): Promise<number> {
  const back = { state: 'queued' as const, nextAttemptAt: now.getTime(), updatedAt: now.toISOString() };
  const referrals = await db.outbox.where('state').equals('paused').modify(back);
  const additions = await db.additions.filter((addition) => addition.state === 'paused').modify(back);
  return referrals + additions;
}

/** The outbox as the sync engine sees it (it declares the same shape as its port). */
export function createOutboxAccess(db: FieldDatabase) {
  // One index range per state: Dexie's or() would union them in memory and is far slower.
  const dueIn = (state: OutboxState, nowMs: number) =>
    db.outbox.where('[state+nextAttemptAt]').between([state, Dexie.minKey], [state, nowMs], true, true);
  const additionsDueIn = (state: OutboxState, nowMs: number) =>
    db.additions.where('[state+nextAttemptAt]').between([state, Dexie.minKey], [state, nowMs], true, true);

  /** Changes the addition with this id, or else the referral: ids are UUIDv7, so one table holds it. */
  async function update(id: string, changes: Partial<OutboxRecord> & Partial<AdditionRecord>): Promise<void> {
    if ((await db.additions.update(id, changes)) === 0) await db.outbox.update(id, changes);
  }

  /** Additions due, as the engine sends them; their bodies live in their own rows. */
  async function additionsDue(nowMs: number, limit: number) {
    const rows = (await Promise.all(SENDABLE.map((state) => additionsDueIn(state, nowMs).limit(limit).toArray()))).flat();
    // The row as it is (id, attempts, referralId, files), named as the engine reads it.
    return rows.flatMap((row) => (row.submission ? [{ at: row.nextAttemptAt, item: { ...row, kind: 'addition' as const, addition: row.submission } }] : []));
  }

  return {
    async countDue(nowMs: number) {
      const counts = await Promise.all(SENDABLE.flatMap((state) => [dueIn(state, nowMs).count(), additionsDueIn(state, nowMs).count()]));
      return counts.reduce((sum, n) => sum + n, 0);
    },

    /** Up to `limit` items whose time has come, longest waiting first, with their bodies. */
    async due(nowMs: number, limit = Number.POSITIVE_INFINITY) {
      const perState = await Promise.all(SENDABLE.map((state) => dueIn(state, nowMs).limit(limit).toArray()));
      const rows = perState.flat().sort((a, b) => a.nextAttemptAt - b.nextAttemptAt).slice(0, limit);
      const envelopes = await db.envelopes.bulkGet(rows.map((row) => row.id));
      const referrals = rows.flatMap((row, i) => {
        const envelope = envelopes[i];
        if (!envelope) return [];
        return [{ at: row.nextAttemptAt, item: { id: row.id, attempts: row.attempts, submission: envelope.submission, ...(envelope.files ? { files: envelope.files } : {}) } }];
      });
      const all = [...referrals, ...(await additionsDue(nowMs, limit))];
      return all.sort((a, b) => a.at - b.at).slice(0, limit).map(({ item }) => item);
    },

    async markSending(id: string, now: Date) {
      await update(id, { state: 'sending', lastAttemptAt: now.toISOString(), updatedAt: now.toISOString() });
    },

    readChunk: (fileId: string, index: number) => readChunk(db, fileId, index),

    /** Stores the receipt and deletes everything else: the draft, the body that was sent, and its files. */
    async markDelivered(id: string, receipt: Receipt | AdditionReceipt, now: Date) {
      const addition = await db.additions.get(id);
      if (addition) {
        const { lastError: _error, problem: _problem, submission: _sent, files: _files, ...kept } = addition;
        await db.transaction('rw', [db.additions, db.files, db.fileChunks], async () => {
          await db.additions.put({ ...kept, state: 'delivered', receipt: receipt as AdditionReceipt, nextAttemptAt: NOT_BY_TIMER, updatedAt: now.toISOString() });
          await purgeFiles(db, id);
        });
        return;
      }
      await db.transaction('rw', [db.drafts, db.outbox, db.envelopes, db.files, db.fileChunks], async () => {
        const item = await db.outbox.get(id);
        if (!item) return;
        const { lastError: _error, problem: _problem, ...kept } = item;
        await db.outbox.put({ ...kept, state: 'delivered', receipt: receipt as Receipt, nextAttemptAt: NOT_BY_TIMER, updatedAt: now.toISOString() });
        await db.envelopes.delete(id);
        await db.drafts.delete(id);
        await purgeFiles(db, id);
      });
    },

    async markRetry(id: string, attempts: number, nextAttemptAt: number, reason: string, now: Date) {
      await update(id, { state: 'queued', attempts, nextAttemptAt, lastError: reason, updatedAt: now.toISOString() });
    },

    async markNeedsAttention(id: string, problem: Problem, now: Date) {
      await update(id, {
        state: 'needs-attention',
        problem,
        lastError: problem.title,
        nextAttemptAt: NOT_BY_TIMER,
        updatedAt: now.toISOString(),
      });
    },

    async markPaused(id: string, reason: string, now: Date) {
      await update(id, { state: 'paused', lastError: reason, nextAttemptAt: NOT_BY_TIMER, updatedAt: now.toISOString() });
    },

    /** Delivered referrals to ask the server about, and the newest status change already known. */
    async delivered() {
      const items = await db.outbox.where('state').equals('delivered').toArray();
      const since = items.reduce((latest, item) => {
        const at = item.caseStatus?.changedAt ?? '';
        return at > latest ? at : latest;
      }, '1970-01-01T00:00:00.000Z');
      return { ids: items.map((item) => item.id), since };
    },

    async applyStatuses(statuses: ReferralStatus[]) {
      await db.transaction('rw', db.outbox, async () => {
        for (const status of statuses) {
          await db.outbox.update(status.id, {
            caseStatus: { status: status.status, changedAt: status.statusChangedAt, progress: status.progress, ...(status.question === undefined ? {} : { question: status.question }) },
          });
        }
      });
    },
  };
}
