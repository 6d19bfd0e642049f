import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxAccess, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { freshDatabase, sealedSubmissionFor, validReferral, deviceKey } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ allowUnsignedFromLoopback: true });
});
afterAll(async () => {
  await server.close();
});

describe('device outbox → sync engine → server', () => {
  it('delivers every queued referral once, and the device keeps receipts that match the server', async () => {
    const db = freshDatabase();
    const clock = { now: () => new Date() };
    const submissions = await Promise.all(Array.from({ length: 25 }, (_, i) => sealedSubmissionFor(server.intakeKey, validReferral(i % 2 ? 'adult-nrm' : 'child'))));
    for (const [i, submission] of submissions.entries()) await queueSubmission(db, await deviceKey, submission, `CASE-${i}`, clock.now());

    const engine = createSyncEngine({
      outbox: createOutboxAccess(db),
      transport: createHttpTransport({ fetch, submitAddition, baseUrl: server.baseUrl, clock }),
      clock,
      random: Math.random,
      exclusive: (task) => task(), uploadFiles,
    });
    await Promise.all([engine.drain(), engine.drain(), engine.drain({ now: true })]);

    const items = await listOutbox(db, await deviceKey);
    expect(items.map((item) => item.state)).toEqual(Array(25).fill('delivered'));
    expect(await server.referrals.count()).toBe(25);
    for (const item of items) {
      const stored = await server.referrals.findById(item.id);
      expect(item.receipt).toEqual({ id: stored?.id, reference: stored?.reference, receivedAt: stored?.receivedAt, digest: stored?.digest });
      expect(await db.envelopes.get(item.id)).toBeUndefined();
    }
  });

  it('keeps everything queued while the server cannot be reached, then delivers', async () => {
    const db = freshDatabase();
    const clock = { now: () => new Date() };
    const submission = await sealedSubmissionFor(server.intakeKey);
    await queueSubmission(db, await deviceKey, submission, 'CASE-X', clock.now());
    const unreachable = createSyncEngine({
      outbox: createOutboxAccess(db),
      transport: createHttpTransport({ fetch, submitAddition, baseUrl: 'http://127.0.0.1:9', clock, timeoutMs: 2_000 }),
      clock,
      random: Math.random,
      exclusive: (task) => task(), uploadFiles,
    });
    await unreachable.drain();
    expect((await listOutbox(db, await deviceKey))[0]).toMatchObject({ state: 'queued', attempts: 1, lastError: 'No connection to the server' });

    const reachable = createSyncEngine({
      outbox: createOutboxAccess(db),
      transport: createHttpTransport({ fetch, submitAddition, baseUrl: server.baseUrl, clock }),
      clock,
      random: Math.random,
      exclusive: (task) => task(), uploadFiles,
    });
    await reachable.drain({ now: true });
    expect((await listOutbox(db, await deviceKey))[0]).toMatchObject({ state: 'delivered', receipt: { id: submission.id } });
  });
});
