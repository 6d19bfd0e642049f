import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { FieldDatabase } from '../../src/store/db.ts';
import { createDraft, getDraft, listDrafts, saveDraft, type Draft } from '../../src/store/drafts.ts';
import { createOutboxAccess, discardOutboxItem, getOutboxItem, listOutbox, queueSubmission, reopenForFix, resendAsNew, resumePaused } from '../../src/store/outbox.ts';
import { fakeClock, freshDatabase, submissionFor, validReferral, deviceKey } from '../support/fixtures.ts';

/** Stands in for the app's sealing: the store only needs a body bound to the new id. */
const restamp = async (_draft: Draft, newId: string) => ({ submission: submissionFor(validReferral(), newId) });

const refused = { type: 'x', title: 'The referral is not complete', status: 422, code: 'invalid-referral' as const };
const conflict = { type: 'x', title: 'A different referral was already received under this id', status: 409, code: 'id-conflict' as const };

async function queuedDraft(caseLabel = 'OP-9') {
  const db = freshDatabase();
  const clock = fakeClock();
  const draft = await createDraft(db, await deviceKey, clock.now());
  await saveDraft(db, await deviceKey, draft.id, { caseLabel, answers: { underAge: 'no', howStarted: 'text' } }, clock.now());
  const submission = submissionFor(validReferral(), draft.id);
  await queueSubmission(db, await deviceKey, submission, caseLabel, clock.now());
  return { db, clock, id: draft.id, submission, access: createOutboxAccess(db) };
}

describe('outbox actions', () => {
  it('reopens a refused referral for fixing, and the fixed one replaces it in the queue', async () => {
    const { db, clock, id, submission, access } = await queuedDraft();
    expect(await reopenForFix(db, id)).toBe(false);
    await access.markNeedsAttention(id, refused, clock.now());
    expect(await access.due(Number.POSITIVE_INFINITY)).toEqual([]);

    expect(await reopenForFix(db, id)).toBe(true);
    expect((await listDrafts(db, await deviceKey)).map((d) => d.id)).toEqual([id]);
    expect((await getOutboxItem(db, await deviceKey, id))?.state).toBe('needs-attention');

    await queueSubmission(db, await deviceKey, { ...submission, submittedAt: '2026-11-29T10:00:00.000Z' }, 'OP-9', clock.now());
    expect(await getOutboxItem(db, await deviceKey, id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect((await db.envelopes.get(id))?.submission.submittedAt).toBe('2026-11-29T10:00:00.000Z');
    expect(await listDrafts(db, await deviceKey)).toEqual([]);
  });

  it('after a conflict, sends the same content under a new id and moves the draft with it', async () => {
    const { db, clock, id, submission, access } = await queuedDraft();
    expect(await resendAsNew(db, await deviceKey, id, clock.now(), restamp)).toBeUndefined();
    await access.markNeedsAttention(id, conflict, clock.now());
    const newId = await resendAsNew(db, await deviceKey, id, clock.now(), restamp);
    expect(newId).toBeDefined();
    expect(newId).not.toBe(id);
    expect(await getOutboxItem(db, await deviceKey, id)).toBeUndefined();
    expect(await getOutboxItem(db, await deviceKey, newId!)).toMatchObject({ state: 'queued', caseLabel: 'OP-9' });
    expect((await db.envelopes.get(newId!))?.submission).toEqual({ ...submission, id: newId });
    expect(await db.envelopes.get(id)).toBeUndefined();
    expect(await getDraft(db, await deviceKey, id)).toBeUndefined();
    expect((await getDraft(db, await deviceKey, newId!))?.answers).toEqual({ underAge: 'no', howStarted: 'text' });
  });

  it('discards an undelivered item and its draft, but never a delivered receipt', async () => {
    const { db, clock, id } = await queuedDraft();
    await discardOutboxItem(db, id);
    expect(await listOutbox(db, await deviceKey)).toEqual([]);
    expect(await getDraft(db, await deviceKey, id)).toBeUndefined();

    const second = await queuedDraft();
    await second.access.markDelivered(second.id, { id: second.id, reference: 'NRM-7K3F-9Q', receivedAt: clock.now().toISOString(), digest: 'c'.repeat(64) }, clock.now());
    await discardOutboxItem(second.db, second.id);
    expect((await getOutboxItem(second.db, await deviceKey, second.id))?.state).toBe('delivered');
  });

  it('resumes paused items after signing in again', async () => {
    const { db, clock, id, access } = await queuedDraft();
    await access.markPaused(id, 'Sign in again', clock.now());
    expect(await access.due(Number.POSITIVE_INFINITY)).toEqual([]);
    expect(await resumePaused(db, clock.now())).toBe(1);
    expect((await access.due(clock.now().getTime())).map((d) => d.id)).toEqual([id]);
  });

  it('lists delivered referrals for a status refresh and records what the server says', async () => {
    const { clock, id, access, db } = await queuedDraft();
    await access.markDelivered(id, { id, reference: 'NRM-7K3F-9Q', receivedAt: clock.now().toISOString(), digest: 'c'.repeat(64) }, clock.now());
    expect(await access.delivered()).toEqual({ ids: [id], since: '1970-01-01T00:00:00.000Z' });
    await access.applyStatuses([{ id, reference: 'NRM-7K3F-9Q', status: 'received', statusChangedAt: '2026-11-29T09:05:00.000Z' }]);
    expect((await getOutboxItem(db, await deviceKey, id))?.caseStatus).toEqual({ status: 'received', changedAt: '2026-11-29T09:05:00.000Z' });
    expect((await access.delivered()).since).toBe('2026-11-29T09:05:00.000Z');
  });
});

describe('device database upgrade', () => {
  it('moves version 1 outbox rows forward, keeping queued bodies exactly as they were', async () => {
    const name = `upgrade-${Date.now()}`;
    const submission = { ...submissionFor(), schemaVersion: 1, envelope: { format: 'plain', referral: { ageGroup: 'adult', account: 'old' } } };
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(1).stores({ drafts: 'id, updatedAt', outbox: 'id, state, nextAttemptAt' });
    await old.table('outbox').add({ id: submission.id, caseLabel: 'OLD-1', state: 'queued', createdAt: 't', updatedAt: 't', submission, attempts: 2, nextAttemptAt: 0 });
    await old.table('outbox').add({ id: 'delivered-1', caseLabel: 'OLD-2', state: 'delivered', createdAt: 't', updatedAt: 't', attempts: 0, nextAttemptAt: 0 });
    old.close();

    const db = new FieldDatabase(name, { indexedDB, IDBKeyRange });
    const upgraded = await db.outbox.get(submission.id);
    expect(upgraded).toMatchObject({ schemaVersion: 1, attempts: 2, caseLabel: 'OLD-1' });
    expect(upgraded).not.toHaveProperty('submission');
    expect(await db.envelopes.get(submission.id)).toEqual({ id: submission.id, submission });
    expect((await db.outbox.get('delivered-1'))?.schemaVersion).toBe(1);
    expect(await db.outbox.where('schemaVersion').equals(1).count()).toBe(2);
    expect((await createOutboxAccess(db).due(0, 10)).map((d) => ('submission' in d ? d.submission : undefined))).toEqual([submission]);
  });
});
