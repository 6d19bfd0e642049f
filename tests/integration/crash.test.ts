import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeKeyResponseSchema } from '../../src/shared/protocol.ts';
import { createOutboxAccess, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { freshDatabase, sealedSubmissionFor, validReferral, deviceKey } from '../support/fixtures.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const REFERRALS = 500;

let server: RunningServer;
beforeAll(async () => {
  // The API alone is needed; a stub stands in for the built app (npm test runs before any build). The
  // referrals go unsigned, as the try-out allows from this machine: what is proven here is durability.
  server = await startServer({ STATIC_DIR: 'tests/support/app-shell-stub', ALLOW_UNSIGNED_FROM_LOOPBACK: 'true' });
});
afterAll(async () => {
  await server?.stop();
});

function storedRows(file: string): { id: string; reference: string; digest: string }[] {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select id, reference, digest from referrals').all() as { id: string; reference: string; digest: string }[];
  } finally {
    db.close();
  }
}

describe('server killed mid-ingest', () => {
  it(`loses and doubles nothing when kill -9 strikes while ${REFERRALS} referrals arrive`, { timeout: 120_000 }, async () => {
    const db = freshDatabase();
    const clock = { now: () => new Date() };
    const intakeKey = intakeKeyResponseSchema.parse(await (await fetch(`${server.baseUrl}/api/v1/intake-key`)).json());
    for (let i = 0; i < REFERRALS; i += 1) await queueSubmission(db, await deviceKey, await sealedSubmissionFor(intakeKey, validReferral(i % 2 ? 'adult-nrm' : 'child')), `RAID-${i}`, clock.now());
    const outbox = createOutboxAccess(db);
    const engine = createSyncEngine({
      outbox,
      transport: createHttpTransport({ fetch, submitAddition, baseUrl: server.baseUrl, clock, timeoutMs: 2_000 }),
      clock,
      random: Math.random,
      exclusive: (task) => task(), uploadFiles,
      backoff: { baseMs: 5, capMs: 50 },
    });

    let crashedAt = -1;
    const crasher = (async () => {
      while (storedRows(server.sqliteFile).length < REFERRALS * 0.3) await new Promise((resolve) => setTimeout(resolve, 20));
      await server.crash();
      crashedAt = storedRows(server.sqliteFile).length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await server.restart();
    })();

    const deadline = Date.now() + 100_000;
    while ((await outbox.countDue(Number.POSITIVE_INFINITY)) > 0 && Date.now() < deadline) {
      await engine.drain({ now: true });
      if (crashedAt >= 0 && server.process.exitCode !== null) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await crasher;

    const rows = storedRows(server.sqliteFile);
    const items = await listOutbox(db, await deviceKey);
    console.log(`crash: killed with ${crashedAt} of ${REFERRALS} stored; after restart ${rows.length} rows, ${items.filter((i) => i.state === 'delivered').length} receipts on the device`);
    expect(crashedAt).toBeGreaterThan(0);
    expect(crashedAt).toBeLessThan(REFERRALS);
    expect(rows).toHaveLength(REFERRALS);
    expect(new Set(rows.map((row) => row.reference)).size).toBe(REFERRALS);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const item of items) {
      expect(item.state).toBe('delivered');
      expect(byId.get(item.id)).toEqual({ id: item.id, reference: item.receipt?.reference, digest: item.receipt?.digest });
    }
  });
});
