import type { Problem, Receipt, Submission } from '../shared/protocol.ts';
import type { FieldDatabase, OutboxRecord } from './db.ts';

/** Moves a finished draft into the outbox in one transaction: it is either queued or still a draft. */
export async function queueSubmission(
  db: FieldDatabase,
  submission: Submission,
  caseLabel: string,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', db.drafts, db.outbox, async () => {
    const existing = await db.outbox.get(submission.id);
    if (existing && existing.state !== 'needs-attention') {
      throw new Error('This referral is already in the outbox');
    }
    await db.outbox.put({
      id: submission.id,
      caseLabel,
      state: 'queued',
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      submission,
      attempts: 0,
      nextAttemptAt: now.getTime(),
    });
    await db.drafts.update(submission.id, { queuedAt: at });
  });
}

export function listOutbox(db: FieldDatabase): Promise<OutboxRecord[]> {
  return db.outbox.orderBy('nextAttemptAt').toArray();
}

export function getOutboxItem(db: FieldDatabase, id: string): Promise<OutboxRecord | undefined> {
  return db.outbox.get(id);
}

/** The outbox as the sync engine sees it (it declares the same shape as its port). */
export function createOutboxAccess(db: FieldDatabase) {
  return {
    /**
     * Items whose time has come. `sending` counts too: only one sender runs at a time, so an item
     * still marked sending was interrupted (a closed tab, a crash) and must go again.
     */
    async due(nowMs: number) {
      const items = await db.outbox.where('nextAttemptAt').belowOrEqual(nowMs).toArray();
      return items
        .filter((item) => (item.state === 'queued' || item.state === 'sending') && item.submission)
        .map((item) => ({ id: item.id, attempts: item.attempts, submission: item.submission as Submission }));
    },

    async markSending(id: string, now: Date) {
      await db.outbox.update(id, { state: 'sending', lastAttemptAt: now.toISOString(), updatedAt: now.toISOString() });
    },

    /** Stores the receipt and deletes everything else: the draft and the body that was sent. */
    async markDelivered(id: string, receipt: Receipt, now: Date) {
      await db.transaction('rw', db.drafts, db.outbox, async () => {
        const item = await db.outbox.get(id);
        if (!item) return;
        const { submission: _sent, lastError: _error, problem: _problem, ...kept } = item;
        await db.outbox.put({ ...kept, state: 'delivered', receipt, updatedAt: now.toISOString() });
        await db.drafts.delete(id);
      });
    },

    async markRetry(id: string, attempts: number, nextAttemptAt: number, reason: string, now: Date) {
      await db.outbox.update(id, {
        state: 'queued',
        attempts,
        nextAttemptAt,
        lastError: reason,
        updatedAt: now.toISOString(),
      });
    },

    async markNeedsAttention(id: string, problem: Problem, now: Date) {
      await db.outbox.update(id, {
        state: 'needs-attention',
        problem,
        lastError: problem.title,
        nextAttemptAt: Number.MAX_SAFE_INTEGER,
        updatedAt: now.toISOString(),
      });
    },
  };
}
