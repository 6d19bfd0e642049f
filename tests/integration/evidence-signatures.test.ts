import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { sealSubmission } from '../../src/app/outbox/seal.ts';
import { signRequest } from '../../src/shared/device-signature.ts';
import { CHUNK_HASH_HEADER, evidencePaths } from '../../src/shared/evidence.ts';
import { attachFile, evidenceForSending, readChunk } from '../../src/store/evidence.ts';
import { createOutboxAccess, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { createAccount, enrolDevice, signIn, type TestDevice } from '../support/accounts.ts';
import { deviceKey, freshDatabase, validReferral } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

let server: LoopbackServer;
let phone: TestDevice;

beforeAll(async () => {
  server = await startLoopbackServer();
  phone = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder')), 'Phone');
});
afterAll(async () => {
  await server.close();
});

describe('evidence uploads with device signatures required', () => {
  it('delivers a referral with a file when every request is signed, and refuses unsigned or altered chunks', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const id = uuidv7();
    const { id: fileId } = await attachFile(db, key, id, new Blob([new Uint8Array(randomBytes(1_500_000))]), 'photo.jpg', 'image/jpeg', new Date());
    const evidence = (await evidenceForSending(db, key, [fileId]))!;
    const submission = await sealSubmission(server.intakeKey, validReferral('child', { evidenceFiles: [fileId], evidenceDescription: 'A photo of the room.' }), id, new Date().toISOString(), evidence.manifest);
    await queueSubmission(db, key, submission, 'SIGNED-1', new Date(), evidence.uploads);

    const chunk = (await readChunk(db, fileId, 0))!;
    const target = evidencePaths.chunk(id, fileId, 0);
    const put = (headers: Record<string, string>, body: Uint8Array<ArrayBuffer>) =>
      fetch(`${server.baseUrl}${target}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: evidence.uploads[0]!.chunks[0]!, ...headers }, body });
    const unsigned = await put({}, chunk);
    expect(unsigned.status).toBe(401);
    expect((await unsigned.json()).code).toBe('device-signature-required');
    const signed = await signRequest(phone.privateKey, { deviceId: phone.id, method: 'PUT', target, body: chunk }, new Date());
    const altered = chunk.slice();
    altered[100] = (altered[100] ?? 0) ^ 1;
    const tampered = await put(signed, altered);
    expect(tampered.status).toBe(401);
    expect((await tampered.json()).code).toBe('device-signature-invalid');
    expect(await server.storage.evidence.countChunks(id)).toBe(0);

    const clock = { now: () => new Date() };
    const engine = createSyncEngine({
      outbox: createOutboxAccess(db),
      transport: createHttpTransport({ fetch, submitAddition, baseUrl: server.baseUrl, clock, sign: (request) => signRequest(phone.privateKey, { deviceId: phone.id, ...request }, clock.now()) }),
      clock,
      random: () => 0.5,
      exclusive: (task) => task(), uploadFiles,
    });
    await engine.drain({ now: true });
    expect((await listOutbox(db, key))[0]?.state).toBe('delivered');
    expect(await server.storage.evidence.countChunks(id)).toBe(2);
    expect((await server.referrals.findById(id))?.deviceId).toBe(phone.id);
  });
});
