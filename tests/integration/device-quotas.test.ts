import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { CHUNK_HASH_HEADER, evidencePaths } from '../../src/shared/evidence.ts';
import { signRequest } from '../../src/shared/device-signature.ts';
import { createOutboxAccess, listOutbox, queueSubmission } from '../../src/store/outbox.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { createAccount, enrolDevice, signIn, signedFetch, type TestDevice } from '../support/accounts.ts';
import { startOnBackend, type BackendServer } from '../support/backend-server.ts';
import { deviceKey, freshDatabase, sealedSubmissionFor } from '../support/fixtures.ts';
import { postgresBackend, sqliteBackend, type Backend } from '../support/storage-backends.ts';

const REFERRALS = '/api/v1/referrals';
const HOUR = 60 * 60 * 1000;
const problemOf = async (response: Response) => (await response.json()) as { code?: string; title?: string };

/** A server clock the test moves; requests are signed on the same clock, as a device with the right time signs. */
function movableClock() {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) };
}

describe.each([sqliteBackend(), postgresBackend()])('per-device quotas on $name', (backend: Backend) => {
  const clock = movableClock();
  let server: BackendServer;
  let phone: TestDevice;
  let tablet: TestDevice;
  beforeAll(async () => {
    await backend.setUp();
    server = await startOnBackend(backend, { now: clock.now, deviceQuotas: { referralsPerHour: 3, unclaimedEvidenceBytes: 2_500_000 } });
    const cookie = await signIn(server.baseUrl, await createAccount(server, 'responder'));
    phone = await enrolDevice(server.baseUrl, cookie, 'Phone');
    tablet = await enrolDevice(server.baseUrl, cookie, 'Tablet');
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  const send = async (device: TestDevice, body?: string) =>
    signedFetch(server.baseUrl, device, 'POST', REFERRALS, { body: body ?? JSON.stringify(await sealedSubmissionFor(server.intakeKey)), now: clock.now() });

  it('refuses a device’s referrals past its hourly quota with 429, Retry-After and words for the person, and only that device’s', async () => {
    const first = JSON.stringify(await sealedSubmissionFor(server.intakeKey));
    expect((await send(phone, first)).status).toBe(201);
    for (let i = 0; i < 2; i += 1) expect((await send(phone)).status).toBe(201);
    const refusedBody = JSON.stringify(await sealedSubmissionFor(server.intakeKey));
    const refused = await send(phone, refusedBody);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(HOUR / 1000 - 120);
    expect(retryAfter).toBeLessThanOrEqual(HOUR / 1000);
    expect(await problemOf(refused)).toMatchObject({ code: 'device-quota-exceeded', title: 'This device has sent more than 3 referrals in an hour; ask your administrator' });
    expect(await server.storage.referrals.findById((JSON.parse(refusedBody) as { id: string }).id)).toBeUndefined();
    // A repeat of one already received still gets its receipt: the quota counts new referrals only.
    expect((await send(phone, first)).status).toBe(200);
    expect((await send(tablet)).status).toBe(201);
    clock.advance(HOUR);
    expect((await send(phone, refusedBody)).status).toBe(201);
  });

  it('refuses evidence chunks past the device’s quota of bytes no referral has claimed, until a referral claims them', async () => {
    const put = async (device: TestDevice, referralId: string, fileId: string, index: number, bytes: Uint8Array<ArrayBuffer>) => {
      const target = evidencePaths.chunk(referralId, fileId, index);
      const headers = await signRequest(device.privateKey, { deviceId: device.id, method: 'PUT', target, body: bytes }, clock.now());
      return fetch(`${server.baseUrl}${target}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: createHash('sha256').update(bytes).digest('hex'), ...headers },
        body: bytes,
      });
    };
    const referralId = uuidv7();
    const fileId = crypto.randomUUID();
    const chunks = [0, 1, 2].map(() => new Uint8Array(randomBytes(1_000_000)));
    expect((await put(phone, referralId, fileId, 0, chunks[0]!)).status).toBe(201);
    expect((await put(phone, referralId, fileId, 1, chunks[1]!)).status).toBe(201);
    const refused = await put(phone, referralId, fileId, 2, chunks[2]!);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await problemOf(refused)).title).toBe('This device has sent more than 2 MB of files that are not yet part of a delivered referral; ask your administrator');
    expect(await server.storage.evidence.countChunks(referralId)).toBe(2);
    // Sending a chunk it holds already takes no room; another device has its own quota.
    expect((await put(phone, referralId, fileId, 0, chunks[0]!)).status).toBe(200);
    expect((await put(tablet, uuidv7(), crypto.randomUUID(), 0, chunks[2]!)).status).toBe(201);
    // Once a referral is stored under that id, its chunks no longer count against the device.
    expect((await send(phone, JSON.stringify(await sealedSubmissionFor(server.intakeKey, undefined, referralId)))).status).toBe(201);
    expect((await put(phone, uuidv7(), crypto.randomUUID(), 0, chunks[2]!)).status).toBe(201);
  });
});

describe('the field app over its quota', () => {
  const backend = sqliteBackend();
  let server: BackendServer;
  beforeAll(async () => {
    await backend.setUp();
    server = await startOnBackend(backend, { deviceQuotas: { referralsPerHour: 1, unclaimedEvidenceBytes: 2_000_000 } });
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  it('keeps the referral queued, shows the server’s message, and waits as long as it was told', async () => {
    const device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder')));
    const db = freshDatabase();
    const clock = { now: () => new Date() };
    const submissions = [await sealedSubmissionFor(server.intakeKey), await sealedSubmissionFor(server.intakeKey)];
    for (const [i, submission] of submissions.entries()) await queueSubmission(db, await deviceKey, submission, `CASE-${i}`, new Date(Date.now() + i));
    const engine = createSyncEngine({
      outbox: createOutboxAccess(db),
      transport: createHttpTransport({ fetch, submitAddition, baseUrl: server.baseUrl, clock, sign: (request) => signRequest(device.privateKey, { deviceId: device.id, ...request }, clock.now()) }),
      clock,
      random: () => 0,
      exclusive: (task) => task(), uploadFiles,
    });
    const startedAt = Date.now();
    await engine.drain();
    const [sent, kept] = await listOutbox(db, await deviceKey).then((items) => [items.find((i) => i.id === submissions[0]!.id), items.find((i) => i.id === submissions[1]!.id)]);
    expect(sent?.state).toBe('delivered');
    expect(kept).toMatchObject({ state: 'queued', lastError: 'This device has sent more than 1 referral in an hour; ask your administrator' });
    expect(kept?.nextAttemptAt).toBeGreaterThan(startedAt + HOUR - 120_000);
    expect(await db.envelopes.get(submissions[1]!.id)).toBeDefined();
    expect(engine.progress().lastError).toBe(kept?.lastError);
  });
});
