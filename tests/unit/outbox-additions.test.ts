import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { AdditionSubmission } from '../../src/shared/additions.ts';
import type { Problem } from '../../src/shared/protocol.ts';
import { additionsByReferral, additionsOf, discardAddition } from '../../src/store/additions.ts';
import { queueAddition } from '../../src/store/queue-addition.ts';
import { createOutboxAccess, queueSubmission, resumePaused } from '../../src/store/outbox.ts';
import { offeredAdditions } from '../../src/app/outbox/offered-additions.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import type { SendOutcome, TransportPort } from '../../src/sync/ports.ts';
import { deviceKey, fakeClock, freshDatabase, submissionFor, validReferral } from '../support/fixtures.ts';

const sealed = (id = uuidv7()): AdditionSubmission => ({ id, submittedAt: '2026-11-29T09:00:00.000Z', envelope: { format: 'hpke', keyId: 'k1', enc: 'ZW5j', ct: 'Y3Q' } });
const refusal: Problem = { type: 'about:blank', title: 'The decision unit cannot take this now', status: 409, code: 'action-refused', detail: 'There is no served negative decision.' };

/** A server that answers additions as told and takes every referral. */
function server(answer: (referralId: string, addition: AdditionSubmission) => SendOutcome): TransportPort & { additions: string[]; referrals: string[] } {
  const additions: string[] = [];
  const referrals: string[] = [];
  return {
    additions,
    referrals,
    reachable: async () => true,
    statuses: async () => [],
    heldChunks: async (_referralId, fileId) => ({ kind: 'held', held: { fileId, chunks: [] } }),
    putChunk: async () => ({ kind: 'stored' }),
    async send(submission) {
      referrals.push(submission.id);
      return { kind: 'delivered', receipt: { id: submission.id, reference: 'NRM-7K3F-9Q', receivedAt: '2026-11-29T09:31:00.000Z', digest: 'a'.repeat(64) } };
    },
    async sendAddition(referralId, addition) {
      additions.push(`${referralId}/${addition.id}`);
      return answer(referralId, addition);
    },
  };
}

function engineOver(db: ReturnType<typeof freshDatabase>, transport: TransportPort, clock: ReturnType<typeof fakeClock>) {
  return createSyncEngine({ outbox: createOutboxAccess(db), transport, clock, random: () => 0.5, exclusive: (task) => task(), uploadFiles });
}

describe('additions in the device outbox', () => {
  it('sends an answer once, keeps only its receipt, and sends referrals and additions in the order they became due', async () => {
    const db = freshDatabase();
    const clock = fakeClock();
    const referralId = uuidv7();
    const answer = sealed();
    await queueAddition(db, referralId, 'answer-information', answer, clock.now());
    clock.advance(1000);
    const later = submissionFor(validReferral());
    await queueSubmission(db, await deviceKey, later, 'OP-2', clock.now());
    const transport = server((id, addition) => ({ kind: 'delivered', receipt: { id: addition.id, referralId: id, receivedAt: '2026-11-29T09:32:00.000Z' } }));

    await engineOver(db, transport, clock).drain();
    expect(transport.additions).toEqual([`${referralId}/${answer.id}`]);
    expect(transport.referrals).toEqual([later.id]);
    const [kept] = await additionsOf(db, referralId);
    expect(kept).toMatchObject({ state: 'delivered', receipt: { id: answer.id, referralId } });
    expect((await db.additions.get(answer.id))?.submission).toBeUndefined();

    await engineOver(db, transport, clock).drain({ now: true });
    expect(transport.additions).toHaveLength(1);
  });

  it('marks a refused addition for attention, never sends it again by itself, and lets the responder delete it', async () => {
    const db = freshDatabase();
    const clock = fakeClock();
    const referralId = uuidv7();
    const ask = sealed();
    await queueAddition(db, referralId, 'ask-reconsideration', ask, clock.now());
    const transport = server(() => ({ kind: 'refused', problem: refusal }));
    await engineOver(db, transport, clock).drain();
    expect((await db.additions.get(ask.id))).toMatchObject({ state: 'needs-attention', problem: { detail: 'There is no served negative decision.' } });
    await engineOver(db, transport, clock).drain({ now: true });
    expect(transport.additions).toHaveLength(1);
    await discardAddition(db, ask.id);
    expect(await additionsOf(db, referralId)).toEqual([]);
  });

  it('pauses an addition when the device must sign in again, and resumes it with the referrals', async () => {
    const db = freshDatabase();
    const clock = fakeClock();
    const answer = sealed();
    await queueAddition(db, uuidv7(), 'answer-information', answer, clock.now());
    await engineOver(db, server(() => ({ kind: 'unauthorised', reason: 'Sign in again', revoked: false })), clock).drain();
    expect((await db.additions.get(answer.id))?.state).toBe('paused');
    expect(await resumePaused(db, clock.now())).toBe(1);
    expect((await db.additions.get(answer.id))?.state).toBe('queued');
    expect((await additionsByReferral(db)).size).toBe(1);
  });

  it('offers an answer while more information is asked for, a reconsideration while a negative decision stands, each once', () => {
    const asked = { status: 'more-information', changedAt: '2026-11-29T09:00:00.000Z', progress: { stage: 'more-information' as const, on: '2026-11-29', reconsiderUntil: null } };
    expect(offeredAdditions(asked, [])).toEqual(['answer']);
    expect(offeredAdditions(asked, [{ kind: 'answer-information', state: 'queued', createdAt: '2026-11-29T10:00:00.000Z' }])).toEqual([]);
    expect(offeredAdditions(asked, [{ kind: 'answer-information', state: 'needs-attention', createdAt: '2026-11-29T10:00:00.000Z' }])).toEqual(['answer']);
    // An answer to an earlier question does not answer this one.
    expect(offeredAdditions(asked, [{ kind: 'answer-information', state: 'delivered', createdAt: '2026-11-01T10:00:00.000Z' }])).toEqual(['answer']);
    const served = { status: 'rg-negative', changedAt: '2026-11-29T09:00:00.000Z', progress: { stage: 'rg-negative' as const, on: '2026-11-28', reconsiderUntil: '2026-12-28' } };
    expect(offeredAdditions(served, [])).toEqual(['reconsider']);
    expect(offeredAdditions({ ...served, progress: { stage: 'rg-positive', on: '2026-11-28', reconsiderUntil: null } }, [])).toEqual([]);
    expect(offeredAdditions(undefined, [])).toEqual([]);
  });
});
