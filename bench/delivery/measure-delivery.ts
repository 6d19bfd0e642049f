import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { FieldDatabase } from '../../src/store/db.ts';
import { createOutboxAccess, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { freePort } from '../../tests/support/server-process.ts';
import { budgets } from '../budgets.ts';
import { counts } from '../lib/counts.ts';
import type { Figure } from '../lib/figure.ts';
import { startNodeProcess, waitForHealth } from '../lib/node-process.ts';
import { repeat, summarise } from '../lib/stats.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';
import { fetchIntakeKey, referralSubmission } from '../support/referral-submission.ts';
import { NOOP_PATH } from './noop-route.ts';

const SERVER_ENTRY = resolve(import.meta.dirname, 'noop-route-server.ts');

/** The device's data key, as the vault hands it out once unlocked (its derivation is not part of delivery). */
const deviceKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

/** Queues `n` sealed referrals in a fresh device database, then times the real engine sending them all. */
async function deliverQueued(baseUrl: string, intakeKey: IntakePublicKey, n: number, run: number): Promise<number> {
  const db = new FieldDatabase(`bench-delivery-${run}-${uuidv7()}`, { indexedDB, IDBKeyRange });
  const key = await deviceKey();
  const clock = { now: () => new Date() };
  for (let i = 0; i < n; i += 1) await queueSubmission(db, key, await referralSubmission(intakeKey, uuidv7()), `BENCH-${i}`, clock.now());
  const engine = createSyncEngine({
    outbox: createOutboxAccess(db),
    transport: createHttpTransport({ fetch, baseUrl, clock, submitAddition }),
    clock,
    random: Math.random,
    exclusive: (task) => task(), uploadFiles,
  });
  const start = performance.now();
  await engine.drain({ now: true });
  const seconds = (performance.now() - start) / 1000;
  const states = (await listOutbox(db, key)).map((item) => item.state);
  const delivered = states.filter((state) => state === 'delivered').length;
  await db.delete();
  if (delivered !== n) throw new Error(`Only ${delivered} of ${n} referrals were delivered (states: ${[...new Set(states)].join(', ')})`);
  return seconds;
}

/** The floor: the same sealed bodies POSTed one after another to a route that does nothing. */
async function bareRoundTrips(baseUrl: string, intakeKey: IntakePublicKey, n: number): Promise<number> {
  const bodies = await Promise.all(Array.from({ length: n }, async () => JSON.stringify(await referralSubmission(intakeKey, uuidv7()))));
  const start = performance.now();
  for (const body of bodies) {
    const response = await fetch(`${baseUrl}${NOOP_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
    if (response.status !== 204) throw new Error(`The no-op route answered ${response.status}`);
  }
  return (performance.now() - start) / 1000;
}

/**
 * 200 queued referrals, sealed before they were queued (as the app does at "Accept and send"), delivered
 * on loopback by src/sync/engine.ts over src/store, run in Node on fake-indexeddb (in memory: no disk
 * commits on the device side), to the server in its own process, which opens every one.
 */
export async function measureDelivery(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-bench-delivery-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = startNodeProcess(SERVER_ENTRY, { BENCH_SQLITE_FILE: join(dir, 'delivery.sqlite'), BENCH_PORT: String(port) });
  try {
    await waitForHealth(baseUrl, server.child);
    const intakeKey = await fetchIntakeKey(baseUrl);
    const n = counts.deliveryReferrals;
    const engine = await repeat(1, counts.deliveryRuns, (run) => deliverQueued(baseUrl, intakeKey, n, run));
    const bare = await repeat(1, counts.deliveryRuns, () => bareRoundTrips(baseUrl, intakeKey, n));
    return [
      {
        name: 'delivery.200-queued.wall',
        label: `${n} queued referrals delivered on loopback`,
        unit: 's',
        ...summarise(engine),
        budget: budgets.delivery200,
        baseline: summarise(bare).value,
        baselineLabel: `(${n} bare POSTs, no-op route)`,
        note: 'real sync engine and store in Node on fake-indexeddb; HPKE-sealed 15,000-character narratives; server (SQLite, synchronous=FULL) in its own process',
      },
    ];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
