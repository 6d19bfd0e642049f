import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIOUS_SCHEMA_VERSION_ENDS } from '../../src/shared/schema-version.ts';
import { createAccount, enrolDevice, signIn, signedFetch, type TestDevice } from '../support/accounts.ts';
import { startCaseworkServer, type CaseworkServer } from '../support/casework-server.ts';
import { sealedPreviousSubmissionFor, sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

const REFERRALS = '/api/v1/referrals';
const DAY_MS = 24 * 60 * 60 * 1000;
const previousReferral = { path: 'adult-nrm' as const, ageGroup: 'adult' as const, account: 'Made to work without pay.' };

interface Refusal {
  code?: string;
  title?: string;
  errors?: { path: string; message: string }[];
}
const refusal = async (response: Response) => (await response.json()) as Refusal;

describe.each([sqliteBackend(), postgresBackend()])('protocol edges on $name', (backend) => {
  let server: CaseworkServer;
  let phone: TestDevice;
  let tablet: TestDevice;
  beforeAll(async () => {
    await backend.setUp();
    server = await startCaseworkServer(backend, { start: new Date() });
    const cookie = await signIn(server.baseUrl, await createAccount(server, 'responder'));
    phone = await enrolDevice(server.baseUrl, cookie, 'Phone');
    tablet = await enrolDevice(server.baseUrl, cookie, 'Tablet');
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  const send = (device: TestDevice, body: unknown) => signedFetch(server.baseUrl, device, 'POST', REFERRALS, { body: JSON.stringify(body) });

  it('refuses a referral id in capitals instead of storing the referral a second time', async () => {
    const id = uuidv7();
    const shouted = await sealedSubmissionFor(server.intakeKey, validReferral(), id.toUpperCase());
    const refused = await send(phone, shouted);
    expect(refused.status).toBe(422);
    expect((await refusal(refused)).errors).toContainEqual({ path: 'id', message: 'The referral id must be written in lower case, as the app makes it' });
    expect(await server.storage.referrals.findById(id.toUpperCase())).toBeUndefined();
    expect((await send(phone, await sealedSubmissionFor(server.intakeKey, validReferral(), id))).status).toBe(201);
    expect((await server.storage.referrals.findById(id))?.id).toBe(id);
  });

  it('refuses times no device could have written: 1970, 9999, and an id made days ahead of the server', async () => {
    const before = await server.storage.referrals.count();
    for (const submittedAt of ['1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.000Z']) {
      const response = await send(phone, { ...(await sealedSubmissionFor(server.intakeKey)), submittedAt });
      expect(response.status).toBe(422);
      const [error] = (await refusal(response)).errors ?? [];
      expect(error?.path).toBe('submittedAt');
      expect(error?.message).toMatch(/date and time/);
    }
    const ahead = await send(phone, await sealedSubmissionFor(server.intakeKey, validReferral(), uuidv7({ msecs: Date.now() + 10 * DAY_MS })));
    expect(ahead.status).toBe(422);
    expect((await refusal(ahead)).errors?.map((error) => error.path)).toEqual(['id']);
    const ancient = await send(phone, await sealedSubmissionFor(server.intakeKey, validReferral(), uuidv7({ msecs: Date.parse('2001-01-01T00:00:00Z') })));
    expect((await refusal(ancient)).errors?.map((error) => error.path)).toEqual(['id']);
    expect(await server.storage.referrals.count()).toBe(before);
    // A device clock a few hours fast, since put right, is not refused.
    const hoursAhead = await sealedSubmissionFor(server.intakeKey, validReferral(), uuidv7({ msecs: Date.now() + 3 * 60 * 60 * 1000 }));
    expect((await send(phone, { ...hoursAhead, submittedAt: new Date(Date.now() + 3 * 60 * 60 * 1000).toISOString() })).status).toBe(201);
  });

  it('gives a referral’s receipt only to the device that sent it', async () => {
    const body = await sealedSubmissionFor(server.intakeKey);
    const sent = await send(phone, body);
    expect(sent.status).toBe(201);
    const receipt = (await sent.json()) as { reference: string };
    const again = await send(phone, body);
    expect([again.status, ((await again.json()) as { reference: string }).reference]).toEqual([200, receipt.reference]);
    const other = await send(tablet, body);
    expect(other.status).toBe(409);
    const answer = await other.text();
    expect(JSON.parse(answer)).toMatchObject({ code: 'id-conflict' });
    expect(answer).not.toContain(receipt.reference);
    expect((await server.storage.referrals.findById(body.id))?.deviceId).toBe(phone.id);
  });

  it('lists the evidence chunks a device uploaded to that device only', async () => {
    const referralId = uuidv7();
    const fileId = crypto.randomUUID();
    const chunk = new Uint8Array(crypto.getRandomValues(new Uint8Array(2048)));
    const sha256 = createHash('sha256').update(chunk).digest('hex');
    const path = `/api/v1/referrals/${referralId}/files/${fileId}`;
    const put = await signedFetch(server.baseUrl, phone, 'PUT', `${path}/chunks/0`, { body: chunk, headers: { 'content-type': 'application/octet-stream', 'nrm-chunk-sha256': sha256 } });
    expect(put.status).toBe(201);
    const heldBy = async (device: TestDevice) => ((await (await signedFetch(server.baseUrl, device, 'GET', path)).json()) as { chunks: unknown[] }).chunks;
    expect(await heldBy(phone)).toEqual([{ index: 0, sha256 }]);
    expect(await heldBy(tablet)).toEqual([]);
  });

  it('takes a previous-version referral from an enrolled device until its end date, and refuses it after', async () => {
    expect((await send(phone, await sealedPreviousSubmissionFor(server.intakeKey, previousReferral))).status).toBe(201);
    const days = Math.ceil((Date.parse(PREVIOUS_SCHEMA_VERSION_ENDS) - server.clock.now().getTime()) / DAY_MS);
    server.clock.forward(days);
    const late = await send(phone, await sealedPreviousSubmissionFor(server.intakeKey, previousReferral));
    expect(late.status).toBe(422);
    const [error] = (await refusal(late)).errors ?? [];
    expect(error?.path).toBe('schemaVersion');
    expect(error?.message).toMatch(/no longer accepted .*send it again/);
    expect((await send(phone, await sealedSubmissionFor(server.intakeKey))).status).toBe(201);
  });
});

describe('unsigned requests, where a try-out on one machine allows them', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer({ allowUnsignedFromLoopback: true });
  });
  afterAll(async () => {
    await server.close();
  });
  const post = (body: unknown) => fetch(`${server.baseUrl}${REFERRALS}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('never take a previous-version referral: only an enrolled device may still send one', async () => {
    const response = await post(await sealedPreviousSubmissionFor(server.intakeKey, previousReferral));
    expect(response.status).toBe(401);
    expect(await refusal(response)).toMatchObject({ code: 'device-signature-required', title: expect.stringMatching(/previous version .* enrolled device/) });
    expect((await post(await sealedSubmissionFor(server.intakeKey))).status).toBe(201);
  });

  it('never learn the receipt of a referral an enrolled device sent', async () => {
    const device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder')));
    const body = await sealedSubmissionFor(server.intakeKey);
    expect((await signedFetch(server.baseUrl, device, 'POST', REFERRALS, { body: JSON.stringify(body) })).status).toBe(201);
    const stranger = await post(body);
    expect(stranger.status).toBe(409);
    expect(await refusal(stranger)).toMatchObject({ code: 'id-conflict' });
  });
});
