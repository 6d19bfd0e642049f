import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxAccess, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { freshDatabase, sealedSubmissionFor, validReferral, deviceKey } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';

/** 2,000 referrals in all, in walks of 500 (each its own server, proxy and seed), so no test runs long on a busy machine. */
const WALKS = 4;
const REFERRALS = 500;
const SEED = 20261129;
/** A bound on the engine's runs, so a walk that stopped making progress fails instead of spinning. */
const MAX_DRAINS = 2_000;

let server: LoopbackServer;
let proxy: FaultProxy;
beforeEach(async () => {
  server = await startLoopbackServer({ allowUnsignedFromLoopback: true });
  proxy = await startFaultProxy(server.baseUrl);
});
afterEach(async () => {
  await proxy.close();
  await server.close();
});

describe('exactly once under injected faults', () => {
  it.each(Array.from({ length: WALKS }, (_, walk) => walk))(`delivers ${REFERRALS} referrals (walk %i of ${WALKS}) through a proxy that refuses, drops, errors and stalls — each stored once`, { timeout: 240_000 }, async (walk) => {
    const db = freshDatabase();
    const clock = { now: () => new Date() };
    const account = 'Worked fourteen hours a day in a nail bar; wages kept by the manager; not allowed out alone. '.repeat(20);
    for (let i = 0; i < REFERRALS; i += 1) {
      await queueSubmission(db, await deviceKey, await sealedSubmissionFor(server.intakeKey, validReferral(i % 3 ? 'adult-nrm' : 'child', { howStarted: account })), `CASE-${i}`, clock.now());
    }
    proxy.injectFaults({
      seed: SEED + walk,
      rate: 0.3,
      weights: { refuse: 1, 'drop-request': 1, 'drop-response-after-commit': 2, 'http-500': 1, 'http-503': 1, 'http-429': 1, stall: 0.5 },
      stallMs: 250,
    });
    const outbox = createOutboxAccess(db);
    const engine = createSyncEngine({
      outbox,
      transport: createHttpTransport({ fetch, submitAddition, baseUrl: proxy.url, clock, timeoutMs: 150 }),
      clock,
      random: seededRandom(SEED + walk),
      exclusive: (task) => task(), uploadFiles,
      backoff: { baseMs: 1, capMs: 10 },
    });

    const started = Date.now();
    let drains = 0;
    while ((await outbox.due(Number.POSITIVE_INFINITY)).length > 0) {
      await engine.drain({ now: true });
      drains += 1;
      expect(drains).toBeLessThan(MAX_DRAINS);
    }
    proxy.injectFaults(undefined);

    const items = await listOutbox(db, await deviceKey);
    const counts = proxy.counts();
    const posts = [...proxy.postsById().values()];
    console.log(
      `faults (walk ${walk}): ${REFERRALS} referrals, ${posts.reduce((a, b) => a + b, 0)} POSTs in ${drains} runs, ${((Date.now() - started) / 1000).toFixed(1)} s;`,
      Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '),
    );
    expect(items.filter((item) => item.state === 'delivered')).toHaveLength(REFERRALS);
    expect(await server.referrals.count()).toBe(REFERRALS);
    for (const fault of ['refuse', 'drop-request', 'drop-response-after-commit', 'http-500', 'http-503', 'http-429', 'stall'] as const) {
      expect(counts[fault], fault).toBeGreaterThan(0);
    }
    for (const item of items) {
      const stored = await server.referrals.findById(item.id);
      expect(item.receipt).toEqual({ id: item.id, reference: stored?.reference, receivedAt: stored?.receivedAt, digest: stored?.digest });
    }
  });
});
