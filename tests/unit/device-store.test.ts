import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/shared/form/model.ts';
import { createDraft, deleteDraft, getDraft, listDrafts, saveDraft } from '../../src/store/drafts.ts';
import { createOutboxAccess, getOutboxItem, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { fakeClock, freshDatabase, submissionFor, validReferral, deviceKey } from '../support/fixtures.ts';

describe('drafts and outbox on the device', () => {
  it('creates a draft with a UUIDv7 and merges every save', async () => {
    const db = freshDatabase();
    const clock = fakeClock();
    const draft = await createDraft(db, await deviceKey, clock.now());
    expect(draft.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    clock.advance(1000);
    await saveDraft(db, await deviceKey, draft.id, { caseLabel: 'OP-1' }, clock.now());
    await saveDraft(db, await deviceKey, draft.id, { answers: { underAge: 'yes' } }, clock.now());
    await saveDraft(db, await deviceKey, draft.id, { answers: { howStarted: 'text' } }, clock.now());
    expect(await getDraft(db, await deviceKey, draft.id)).toMatchObject({ caseLabel: 'OP-1', answers: { underAge: 'yes', howStarted: 'text' }, updatedAt: clock.now().toISOString() });
    await deleteDraft(db, draft.id);
    expect(await listDrafts(db, await deviceKey)).toEqual([]);
  });

  it('refuses to save into a draft that no longer exists, so the page can say so', async () => {
    const db = freshDatabase();
    await expect(saveDraft(db, await deviceKey, 'gone', { caseLabel: 'x' }, new Date())).rejects.toThrow('This draft no longer exists on this device');
  });

  it('queues a finished draft, then on delivery keeps only the receipt', async () => {
    const db = freshDatabase();
    const clock = fakeClock();
    const draft = await createDraft(db, await deviceKey, clock.now());
    await saveDraft(db, await deviceKey, draft.id, { caseLabel: 'OP-2', answers: validReferral() as unknown as Answers }, clock.now());
    await queueSubmission(db, await deviceKey, submissionFor(validReferral(), draft.id), 'OP-2', clock.now());

    expect(await listDrafts(db, await deviceKey)).toEqual([]);
    const access = createOutboxAccess(db);
    const due = await access.due(clock.now().getTime());
    expect(due.map((d) => d.id)).toEqual([draft.id]);

    await access.markSending(draft.id, clock.now());
    expect((await access.due(clock.now().getTime())).map((d) => d.id)).toEqual([draft.id]);

    const receipt = { id: draft.id, reference: 'NRM-7K3F-9Q', receivedAt: clock.now().toISOString(), digest: 'b'.repeat(64) };
    await access.markDelivered(draft.id, receipt, clock.now());
    const item = await getOutboxItem(db, await deviceKey, draft.id);
    expect(item).toMatchObject({ state: 'delivered', receipt, caseLabel: 'OP-2' });
    expect(await db.envelopes.get(draft.id)).toBeUndefined();
    expect(await getDraft(db, await deviceKey, draft.id)).toBeUndefined();
    expect(await access.due(Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it('keeps a retried item out of the way until its time', async () => {
    const db = freshDatabase();
    const clock = fakeClock();
    const submission = submissionFor();
    await queueSubmission(db, await deviceKey, submission, 'OP-3', clock.now());
    const access = createOutboxAccess(db);
    await access.markRetry(submission.id, 1, clock.now().getTime() + 5_000, 'No connection to the server', clock.now());
    expect(await access.due(clock.now().getTime())).toEqual([]);
    expect((await access.due(clock.now().getTime() + 5_000)).map((d) => d.attempts)).toEqual([1]);
    expect((await listOutbox(db, await deviceKey))[0]).toMatchObject({ state: 'queued', lastError: 'No connection to the server' });
  });

  it('will not queue the same referral twice while it is waiting', async () => {
    const db = freshDatabase();
    const submission = submissionFor();
    await queueSubmission(db, await deviceKey, submission, 'OP-4', new Date());
    await expect(queueSubmission(db, await deviceKey, submission, 'OP-4', new Date())).rejects.toThrow('already in the outbox');
  });
});
