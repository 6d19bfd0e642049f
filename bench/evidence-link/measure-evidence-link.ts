import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { sealSubmission } from '../../src/app/outbox/seal.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import { openStorage } from '../../src/server/storage/storage.ts';
import { signRequest } from '../../src/shared/device-signature.ts';
import { importFileKey, openChunk, type EvidenceManifest } from '../../src/shared/evidence.ts';
import type { EvidenceType } from '../../src/shared/evidence-limits.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { attachFile, evidenceForSending } from '../../src/store/evidence.ts';
import { createOutboxAccess, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { deviceKey, freshDatabase, validReferral } from '../../tests/support/fixtures.ts';
import { startServer, type RunningServer } from '../../tests/support/server-process.ts';
import { budgets } from '../budgets.ts';
import { quick } from '../lib/counts.ts';
import type { Figure } from '../lib/figure.ts';
import { enrolBenchDevice } from '../signin/enrolled-device.ts';
import { startThrottledLink } from './throttled-link.ts';

/** ≈ 3G uplink, as issue 18 sets it. */
const UP_BITS_PER_SECOND = 750_000;
const ROUND_TRIP_MS = 150;
const SEED = 18;
const MB = 1_000_000;
/** Three photos and a scanned document (sizes as phones show them); a quarter of each, and fewer drops, under BENCH_QUICK. */
const FILES: { name: string; type: EvidenceType; bytes: number }[] = [
  { name: 'rota-on-the-wall.jpg', type: 'image/jpeg', bytes: (quick ? 1 : 4) * MB },
  { name: 'sleeping-room.jpg', type: 'image/jpeg', bytes: (quick ? 1 : 4) * MB },
  { name: 'passport-page.jpg', type: 'image/jpeg', bytes: (quick ? 1 : 4) * MB },
  { name: 'pay-slip.pdf', type: 'application/pdf', bytes: (quick ? 0.5 : 2) * MB },
];
const DROPS = quick ? 2 : 5;

/** A referral with these files attached on a device (fake-indexeddb), sealed and queued as the field app does it. */
async function queuedReferral(server: RunningServer, contents: Buffer[]) {
  const db = freshDatabase();
  const key = await deviceKey;
  const id = uuidv7();
  const now = new Date();
  const ids: string[] = [];
  for (const [i, file] of FILES.entries()) ids.push((await attachFile(db, key, id, new Blob([new Uint8Array(contents[i] ?? [])]), file.name, file.type, now)).id);
  const evidence = await evidenceForSending(db, key, ids);
  if (!evidence) throw new Error('No evidence to send');
  const intake = (await (await fetch(`${server.baseUrl}/api/v1/intake-key`)).json()) as Parameters<typeof sealSubmission>[0];
  const referral = validReferral('adult-nrm', { evidenceFiles: ids, evidenceDescription: 'Photos of the rota on the kitchen wall, the room where they slept and a passport page; a scanned pay slip.' });
  const submission = await sealSubmission(intake, referral, id, now.toISOString(), evidence.manifest);
  await queueSubmission(db, key, submission, 'BENCH-EVIDENCE', now, evidence.uploads);
  const sealedBytes = evidence.uploads.reduce((sum, file) => sum + file.bytes, 0);
  return { db, key, id, manifest: evidence.manifest, neededBytes: sealedBytes + JSON.stringify(submission).length };
}

/** SHA-256 of each file as the server holds it, opened with the keys of the sealed manifest (as the casework console does). */
async function digestsOnServer(server: RunningServer, referralId: string, manifest: EvidenceManifest): Promise<string[]> {
  const storage = await openStorage(connectSqlite(server.sqliteFile));
  try {
    const digests: string[] = [];
    for (const file of manifest.files) {
      const sealed = await storage.evidence.readFile(referralId, file.fileId, file.chunks);
      if (!sealed) throw new Error(`The server does not hold file ${file.fileId}`);
      const key = await importFileKey(file.key);
      const hash = createHash('sha256');
      for (const [index, chunk] of sealed.entries()) hash.update(await openChunk(key, file.fileId, index, new Uint8Array(chunk)));
      digests.push(hash.digest('hex'));
    }
    return digests;
  } finally {
    await storage.close();
  }
}

/**
 * One referral with three 4 MB photos and a 2 MB PDF, delivered by the real sync engine (src/sync, in
 * Node over src/store on fake-indexeddb, signed by an enrolled device) to the real server in its own
 * process, through a throttled link on loopback (750 kbit/s up, 150 ms round trip) that cuts every
 * connection five times at seeded random points of the upload.
 */
export async function measureEvidenceLink(): Promise<Figure[]> {
  const server = await startServer();
  try {
    const device = await enrolBenchDevice(server);
    const contents = FILES.map((file) => randomBytes(file.bytes));
    const { db, key, id, manifest, neededBytes } = await queuedReferral(server, contents);
    const random = seededRandom(SEED);
    // Somewhere in the upload (not in its first or last twentieth, where a drop would cost nothing to measure).
    const dropAt = Array.from({ length: DROPS }, () => Math.round(neededBytes * (0.05 + 0.9 * random())));
    const link = await startThrottledLink({ host: '127.0.0.1', port: Number(new URL(server.baseUrl).port) }, { upBitsPerSecond: UP_BITS_PER_SECOND, roundTripMs: ROUND_TRIP_MS, dropAtUpBytes: dropAt });
    const clock = { now: () => new Date() };
    const engine = createSyncEngine({
      outbox: createOutboxAccess(db),
      transport: createHttpTransport({
        fetch,
        clock,
        submitAddition,
        baseUrl: `http://127.0.0.1:${link.port}`,
        sign: (request) => signRequest(device.privateKey, { deviceId: device.id, ...request }, clock.now()),
      }),
      clock,
      random: seededRandom(SEED),
      exclusive: (task) => task(), uploadFiles,
    });
    const started = performance.now();
    let runs = 0;
    try {
      // As the app does on "signal is back": if the engine hands a long outage to its backoff, drain again.
      while ((await listOutbox(db, key)).some((item) => item.state !== 'delivered')) {
        runs += 1;
        if (runs > 20) throw new Error(`Not delivered after 20 runs: ${(await listOutbox(db, key)).map((item) => `${item.state} ${item.lastError ?? ''}`).join('; ')}`);
        await engine.drain({ now: true });
      }
    } finally {
      await link.close();
    }
    const seconds = (performance.now() - started) / 1000;
    const sentBytes = link.upBytes();
    const idleSeconds = link.idleMs() / 1000;
    const digests = await digestsOnServer(server, id, manifest);
    const identical = digests.every((digest, i) => digest === createHash('sha256').update(contents[i] ?? '').digest('hex'));
    if (!identical) throw new Error('A file arrived different from what was attached');
    const idealSeconds = (neededBytes * 8) / UP_BITS_PER_SECOND;
    const totalMb = FILES.reduce((sum, file) => sum + file.bytes, 0) / MB;
    const note = `${totalMb} MB of files (${FILES.length}) on one referral, signed device; ${UP_BITS_PER_SECOND / 1000} kbit/s up, ${ROUND_TRIP_MS} ms round trip, every connection cut ${link.drops()} times (seeded); the uplink idle ${idleSeconds.toFixed(1)} s of it (after the first byte); ${runs} engine run(s); the ${FILES.length} files arrived byte-identical (SHA-256 after opening on the server)`;
    return [
      {
        name: 'evidence-link.time',
        label: `${totalMb} MB of evidence over a dropping 3G link: time`,
        unit: 's',
        value: seconds,
        budget: { max: budgets.evidenceLinkTimeVsIdeal.max * idealSeconds },
        baseline: idealSeconds,
        baselineLabel: '(ideal: bytes needed ÷ bandwidth)',
        note,
      },
      {
        name: 'evidence-link.bytes',
        label: `${totalMb} MB of evidence over a dropping 3G link: bytes sent`,
        unit: 'MB',
        value: sentBytes / MB,
        budget: { max: (budgets.evidenceLinkBytesVsNeeded.max * neededBytes) / MB },
        baseline: neededBytes / MB,
        baselineLabel: '(needed: sealed files and the referral, once)',
        note,
      },
    ];
  } finally {
    await server.stop();
  }
}
