import { randomBytes, randomInt, createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { sealSubmission } from '../../src/app/outbox/seal.ts';
import { buildApp } from '../../src/server/app.ts';
import { createServices } from '../../src/server/compose.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { forgetExpired } from '../../src/server/services/housekeeping.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import { CHUNK_HASH_HEADER, evidencePaths, importFileKey, openChunk, sha256Hex, type EvidenceManifest } from '../../src/shared/evidence.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';
import { attachFile, evidenceForSending, readChunk } from '../../src/store/evidence.ts';
import { createOutboxAccess, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { deviceKey, freshDatabase, validReferral } from '../support/fixtures.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { postgresBackend, sqliteBackend, type Backend } from '../support/storage-backends.ts';

const MB = 1_000_000;

interface Running {
  baseUrl: string;
  intakeKey: IntakePublicKey;
  storage: Storage;
  close(): Promise<void>;
}

/** The real app over a backend (SQLite file or a fresh PostgreSQL schema), listening on loopback. */
async function startOn(backend: Backend): Promise<Running> {
  await backend.setUp();
  const storage = await backend.open();
  const dir = mkdtempSync(join(tmpdir(), 'nrm-field-evidence-'));
  const keyring = await loadIntakeKeyring(join(dir, 'intake-keys.json'), new Date());
  const app = await buildApp(createServices(storage, { keyring, now: () => new Date(), randomInt: (n) => randomInt(n) }), { allowUnsignedFromLoopback: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    intakeKey: keyring.current,
    storage,
    async close() {
      await app.close();
      await storage.close();
      await backend.tearDown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A referral with files attached on a device, sealed and queued exactly as the field app does it. */
async function queuedWithFiles(intakeKey: IntakePublicKey, files: Uint8Array[]) {
  const db = freshDatabase();
  const key = await deviceKey;
  const id = uuidv7();
  const now = new Date();
  const ids: string[] = [];
  for (const [i, bytes] of files.entries()) {
    ids.push((await attachFile(db, key, id, new Blob([new Uint8Array(bytes)]), `scan-${i}.pdf`, 'application/pdf', now)).id);
  }
  const evidence = await evidenceForSending(db, key, ids);
  if (!evidence) throw new Error('no evidence');
  const referral = validReferral('adult-nrm', { evidenceFiles: ids, evidenceDescription: 'Photos of the rota on the kitchen wall and a scanned pay slip.' });
  const submission = await sealSubmission(intakeKey, referral, id, now.toISOString(), evidence.manifest);
  await queueSubmission(db, key, submission, 'EVIDENCE-1', now, evidence.uploads);
  return { db, id, manifest: evidence.manifest, submission, uploads: evidence.uploads };
}

/** The plaintext of a file as the server holds it, opened with the key from the sealed manifest. */
async function fileOnServer(storage: Storage, referralId: string, file: EvidenceManifest['files'][number]): Promise<Buffer> {
  const sealed = await storage.evidence.readFile(referralId, file.fileId, file.chunks);
  if (!sealed) throw new Error('file not held');
  const key = await importFileKey(file.key);
  const parts = await Promise.all(sealed.map((chunk, index) => openChunk(key, file.fileId, index, new Uint8Array(chunk))));
  return Buffer.concat(parts);
}

function engineFor(db: ReturnType<typeof freshDatabase>, baseUrl: string) {
  const clock = { now: () => new Date() };
  const outbox = createOutboxAccess(db);
  const engine = createSyncEngine({
    outbox,
    transport: createHttpTransport({ fetch, submitAddition, baseUrl, clock, timeoutMs: 10_000 }),
    clock,
    random: seededRandom(7),
    exclusive: (task) => task(), uploadFiles,
    backoff: { baseMs: 1, capMs: 5 },
  });
  return { engine, outbox };
}

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('evidence upload on %s', (_name, makeBackend) => {
  let server: Running;
  let proxy: FaultProxy;
  beforeAll(async () => {
    server = await startOn(makeBackend());
    proxy = await startFaultProxy(server.baseUrl);
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });

  it('delivers a 20 MB file through ten dropped connections, byte-identical, then forgets it on the device', { timeout: 180_000 }, async () => {
    const original = randomBytes(20 * MB);
    const { db, id, manifest } = await queuedWithFiles(server.intakeKey, [original]);
    const { engine, outbox } = engineFor(db, proxy.url);
    proxy.dropChunkUploads(10);
    const started = Date.now();
    let runs = 0;
    while ((await outbox.due(Number.POSITIVE_INFINITY)).length > 0) {
      await engine.drain({ now: true });
      runs += 1;
      expect(runs).toBeLessThan(50);
    }
    const seconds = (Date.now() - started) / 1000;
    const { dropped, forwarded } = proxy.chunkCounts();
    console.log(`evidence (${_name}): 20 MB in ${manifest.files[0]!.chunks.length} chunks, ${dropped} uploads dropped, ${forwarded} chunk PUTs reached the server, ${runs} runs, ${seconds.toFixed(1)} s`);
    expect(dropped).toBe(10);

    const [item] = await listOutbox(db, await deviceKey);
    expect(item?.state).toBe('delivered');
    const file = manifest.files[0]!;
    const received = await fileOnServer(server.storage, id, file);
    expect(received.length).toBe(original.length);
    expect(createHash('sha256').update(received).digest('hex')).toBe(createHash('sha256').update(original).digest('hex'));
    expect(file.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(await server.storage.evidence.countChunks(id)).toBe(file.chunks.length);
    expect(await server.storage.evidence.countFiles(id)).toBe(1);
    // Nothing of the file is left on the device, readable or not.
    expect(await db.files.count()).toBe(0);
    expect(await db.fileChunks.count()).toBe(0);
    expect(await db.envelopes.count()).toBe(0);
  });

  it('stores a repeated chunk once, and answers its repeat the same', async () => {
    const { db, id, uploads } = await queuedWithFiles(server.intakeKey, [randomBytes(1.5 * MB)]);
    const file = uploads[0]!;
    const put = async () => {
      const body = await readChunk(db, file.fileId, 0);
      return fetch(`${server.baseUrl}${evidencePaths.chunk(id, file.fileId, 0)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: file.chunks[0]! },
        body,
      });
    };
    expect((await put()).status).toBe(201);
    expect((await put()).status).toBe(200);
    expect(await server.storage.evidence.countChunks(id)).toBe(1);
    const held = await (await fetch(`${server.baseUrl}${evidencePaths.file(id, file.fileId)}`)).json();
    expect(held).toEqual({ fileId: file.fileId, chunks: [{ index: 0, sha256: file.chunks[0] }] });
  });

  it('refuses a chunk whose bytes do not match the SHA-256 it names', async () => {
    const { db, id, uploads } = await queuedWithFiles(server.intakeKey, [randomBytes(1000)]);
    const file = uploads[0]!;
    const body = await readChunk(db, file.fileId, 0);
    const response = await fetch(`${server.baseUrl}${evidencePaths.chunk(id, file.fileId, 0)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: await sha256Hex(new Uint8Array(8)) },
      body,
    });
    expect(response.status).toBe(422);
    expect((await response.json()).code).toBe('chunk-hash-mismatch');
    expect(await server.storage.evidence.countChunks(id)).toBe(0);
  });

  it('refuses a referral whose files are incomplete, and stores nothing of it', async () => {
    const { db, id, submission, uploads } = await queuedWithFiles(server.intakeKey, [randomBytes(2.5 * MB), randomBytes(1000)]);
    // Only the first chunk of the first file reaches the server.
    const first = uploads[0]!;
    await fetch(`${server.baseUrl}${evidencePaths.chunk(id, first.fileId, 0)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: first.chunks[0]! },
      body: await readChunk(db, first.fileId, 0),
    });
    const before = await server.storage.referrals.count();
    const response = await fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission) });
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.code).toBe('files-incomplete');
    expect(body.errors.map((error: { path: string }) => error.path).sort()).toEqual(uploads.map((file) => `envelope.evidence.files.${file.fileId}`).sort());
    expect(await server.storage.referrals.count()).toBe(before);
    expect(await server.storage.referrals.findById(id)).toBeUndefined();
    expect(await server.storage.evidence.countFiles(id)).toBe(0);

    // The engine uploads what is missing first; then the same referral is taken, once.
    const { engine } = engineFor(db, server.baseUrl);
    await engine.drain({ now: true });
    expect((await listOutbox(db, await deviceKey))[0]?.state).toBe('delivered');
    expect(await server.storage.referrals.count()).toBe(before + 1);
    expect(await server.storage.evidence.countFiles(id)).toBe(2);
    const repeat = await fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission) });
    expect(repeat.status).toBe(200);
  });

  it('forgets chunks no referral claimed after 30 days, and never a stored referral’s', async () => {
    const { db, id, uploads } = await queuedWithFiles(server.intakeKey, [randomBytes(1000)]);
    const file = uploads[0]!;
    await fetch(`${server.baseUrl}${evidencePaths.chunk(id, file.fileId, 0)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: file.chunks[0]! },
      body: await readChunk(db, file.fileId, 0),
    });
    const delivered = await queuedWithFiles(server.intakeKey, [randomBytes(1000)]);
    await engineFor(delivered.db, server.baseUrl).engine.drain({ now: true });
    expect(await server.storage.referrals.findById(delivered.id)).toBeDefined();
    const month = 31 * 24 * 60 * 60 * 1000;

    await forgetExpired(server.storage, new Date());
    expect(await server.storage.evidence.countChunks(id)).toBe(1);
    await forgetExpired(server.storage, new Date(Date.now() + month));
    expect(await server.storage.evidence.countChunks(id)).toBe(0);
    expect(await server.storage.evidence.countChunks(delivered.id)).toBe(1);
  });

  it('refuses a manifest that does not list the files the referral names', async () => {
    const { db, id, manifest } = await queuedWithFiles(server.intakeKey, [randomBytes(1000)]);
    const other = crypto.randomUUID();
    const referral = validReferral('adult-nrm', { evidenceFiles: [other], evidenceDescription: 'A photo.' });
    const submission = await sealSubmission(server.intakeKey, referral, id, new Date().toISOString(), manifest);
    const response = await fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission) });
    expect(response.status).toBe(422);
    expect(await server.storage.referrals.findById(id)).toBeUndefined();
    db.close();
  });
});
