import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/shared/device-signature.ts';
import { createAccount, deviceKeys, enrolDevice, signIn, signedFetch, type TestDevice } from '../support/accounts.ts';
import { sealedSubmissionFor } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

const REFERRALS = '/api/v1/referrals';

let server: LoopbackServer;
let cookie: string;
let phone: TestDevice;
let tablet: TestDevice;

beforeAll(async () => {
  // As every deployment runs, and as the server runs with no settings at all.
  server = await startLoopbackServer();
  cookie = await signIn(server.baseUrl, await createAccount(server, 'responder'));
  phone = await enrolDevice(server.baseUrl, cookie, 'Phone');
  tablet = await enrolDevice(server.baseUrl, cookie, 'Tablet');
});
afterAll(async () => {
  await server.close();
});

const submissionBody = async () => JSON.stringify(await sealedSubmissionFor(server.intakeKey));
const codeOf = async (response: Response) => ((await response.json()) as { code?: string }).code;

describe('signed sync requests (required: the default)', () => {
  it('accepts a good one and stores which device sent it', async () => {
    const body = await submissionBody();
    const response = await signedFetch(server.baseUrl, phone, 'POST', REFERRALS, { body });
    expect(response.status).toBe(201);
    const { id } = JSON.parse(body) as { id: string };
    expect((await server.referrals.findById(id))?.deviceId).toBe(phone.id);
  });

  it('refuses a replayed request, and stores nothing more', async () => {
    const body = await submissionBody();
    const headers = await signRequest(phone.privateKey, { deviceId: phone.id, method: 'POST', target: REFERRALS, body }, new Date());
    const send = () => fetch(`${server.baseUrl}${REFERRALS}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await send()).status).toBe(201);
    const before = await server.referrals.count();
    const replay = await send();
    expect(replay.status).toBe(401);
    expect(await codeOf(replay)).toBe('device-signature-replayed');
    expect(await server.referrals.count()).toBe(before);
  });

  it('refuses a stale timestamp, and one from too far in the future', async () => {
    for (const skew of [-6 * 60_000, 6 * 60_000]) {
      const response = await signedFetch(server.baseUrl, phone, 'POST', REFERRALS, { body: await submissionBody(), now: new Date(Date.now() + skew) });
      expect(response.status).toBe(401);
      expect(await codeOf(response)).toBe('device-clock-skew');
    }
    const withinSkew = await signedFetch(server.baseUrl, phone, 'POST', REFERRALS, { body: await submissionBody(), now: new Date(Date.now() - 4 * 60_000) });
    expect(withinSkew.status).toBe(201);
  });

  it('refuses a body changed after signing', async () => {
    const signed = await submissionBody();
    const changed = await submissionBody();
    const headers = await signRequest(phone.privateKey, { deviceId: phone.id, method: 'POST', target: REFERRALS, body: signed }, new Date());
    const response = await fetch(`${server.baseUrl}${REFERRALS}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: changed });
    expect(response.status).toBe(401);
    expect(await codeOf(response)).toBe('device-signature-invalid');
    expect(await server.referrals.findById((JSON.parse(changed) as { id: string }).id)).toBeUndefined();
  });

  it('refuses a signature made with another device’s key, and one made with a key never enrolled', async () => {
    for (const key of [tablet.privateKey, (await deviceKeys()).privateKey]) {
      const response = await signedFetch(server.baseUrl, phone, 'POST', REFERRALS, { body: await submissionBody(), key });
      expect(response.status).toBe(401);
      expect(await codeOf(response)).toBe('device-signature-invalid');
    }
  });

  it('refuses a request signed for another path or method', async () => {
    const body = await submissionBody();
    const headers = await signRequest(phone.privateKey, { deviceId: phone.id, method: 'PUT', target: REFERRALS, body }, new Date());
    const response = await fetch(`${server.baseUrl}${REFERRALS}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect(await codeOf(response)).toBe('device-signature-invalid');
  });

  it('tells every field app its device must be enrolled', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/device-policy`);
    expect([response.status, await response.json()]).toEqual([200, { enrolment: 'required' }]);
  });

  it('refuses unsigned requests, half-signed ones, and unknown devices', async () => {
    const unsigned = await fetch(`${server.baseUrl}${REFERRALS}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: await submissionBody() });
    expect(unsigned.status).toBe(401);
    expect(await codeOf(unsigned)).toBe('device-signature-required');
    const half = await fetch(`${server.baseUrl}${REFERRALS}`, { method: 'POST', headers: { 'content-type': 'application/json', 'nrm-device': phone.id }, body: '{}' });
    expect(await codeOf(half)).toBe('device-signature-invalid');
    const stranger = { ...phone, id: '01900000-0000-7000-8000-000000000000' };
    const unknown = await signedFetch(server.baseUrl, stranger, 'POST', REFERRALS, { body: await submissionBody() });
    expect(unknown.status).toBe(401);
    expect(await codeOf(unknown)).toBe('device-unknown');
  });

  it('answers a device about its own referrals only', async () => {
    const [fromPhone, fromTablet] = [await submissionBody(), await submissionBody()];
    expect((await signedFetch(server.baseUrl, phone, 'POST', REFERRALS, { body: fromPhone })).status).toBe(201);
    expect((await signedFetch(server.baseUrl, tablet, 'POST', REFERRALS, { body: fromTablet })).status).toBe(201);
    const ids = [fromPhone, fromTablet].map((body) => (JSON.parse(body) as { id: string }).id);
    const target = `/api/v1/receipts?${new URLSearchParams([['since', '2000-01-01T00:00:00Z'], ...ids.map((id) => ['id', id])])}`;
    const response = await signedFetch(server.baseUrl, phone, 'GET', target);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { statuses: { id: string }[] }).statuses.map((status) => status.id)).toEqual([ids[0]]);

    const headers = await signRequest(phone.privateKey, { deviceId: phone.id, method: 'GET', target }, new Date());
    const otherQuery = await fetch(`${server.baseUrl}${target.replace('2000', '2001')}`, { headers });
    expect(await codeOf(otherQuery)).toBe('device-signature-invalid');
  });

  it('refuses a revoked device at its next contact', async () => {
    const spare = await enrolDevice(server.baseUrl, cookie, 'Spare');
    expect((await signedFetch(server.baseUrl, spare, 'GET', `/api/v1/receipts?since=2000-01-01T00:00:00Z&id=${spare.id}`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/v1/devices/${spare.id}`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
    const refused = await signedFetch(server.baseUrl, spare, 'POST', REFERRALS, { body: await submissionBody() });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await codeOf(refused)).toBe('device-revoked');
  });
});

describe('device enrolment', () => {
  const enrol = (publicKey: unknown, who = cookie) =>
    fetch(`${server.baseUrl}/api/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: who }, body: JSON.stringify({ publicKey, label: 'Phone' }) });

  it('takes a JWK as well as SPKI, and answers a repeated enrolment with the same device', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const first = await enrol(jwk);
    expect(first.status).toBe(201);
    const again = await enrol(jwk);
    expect(again.status).toBe(200);
    expect((await again.json()).deviceId).toBe((await first.json()).deviceId);
  });

  it('refuses a key that is not ECDSA P-256, another person’s key, and a revoked key', async () => {
    const p384 = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
    const refusedCurve = await enrol(await crypto.subtle.exportKey('jwk', p384.publicKey));
    expect([refusedCurve.status, await codeOf(refusedCurve)]).toEqual([400, 'bad-request']);
    const spki384 = Buffer.from(await crypto.subtle.exportKey('spki', p384.publicKey)).toString('base64url');
    const refusedSpki = await enrol(spki384);
    expect([refusedSpki.status, await codeOf(refusedSpki)]).toEqual([422, 'invalid-device-key']);

    const someoneElse = await signIn(server.baseUrl, await createAccount(server, 'responder'));
    const taken = await enrol(phone.publicKey, someoneElse);
    expect([taken.status, await codeOf(taken)]).toEqual([409, 'device-key-taken']);

    const spare = await enrolDevice(server.baseUrl, cookie);
    await fetch(`${server.baseUrl}/api/v1/devices/${spare.id}`, { method: 'DELETE', headers: { cookie } });
    const revoked = await enrol(spare.publicKey);
    expect([revoked.status, await codeOf(revoked)]).toEqual([409, 'device-key-taken']);
  });

  it('lets a responder revoke only their own devices', async () => {
    const someoneElse = await signIn(server.baseUrl, await createAccount(server, 'responder'));
    const response = await fetch(`${server.baseUrl}/api/v1/devices/${phone.id}`, { method: 'DELETE', headers: { cookie: someoneElse } });
    expect(response.status).toBe(404);
    expect((await server.storage.devices.findDevice(phone.id))?.revokedAt).toBeNull();
  });
});

describe('a revoked device, and a stranger, without signatures (the default)', () => {
  it('refuses a revoked phone that simply drops its signature headers, and stores nothing', async () => {
    const owner = await signIn(server.baseUrl, await createAccount(server, 'responder'));
    const lost = await enrolDevice(server.baseUrl, owner, 'Lost phone');
    expect((await fetch(`${server.baseUrl}/api/v1/devices/${lost.id}`, { method: 'DELETE', headers: { cookie: owner } })).status).toBe(204);
    const body = await submissionBody();
    const signed = await signedFetch(server.baseUrl, lost, 'POST', REFERRALS, { body });
    expect([signed.status, await codeOf(signed)]).toEqual([401, 'device-revoked']);
    const dropped = await fetch(`${server.baseUrl}${REFERRALS}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect([dropped.status, await codeOf(dropped)]).toEqual([401, 'device-signature-required']);
    expect(await server.referrals.findById((JSON.parse(body) as { id: string }).id)).toBeUndefined();
  });

  it('tells a stranger asking for receipts without a signature nothing at all', async () => {
    const body = await submissionBody();
    expect((await signedFetch(server.baseUrl, phone, 'POST', REFERRALS, { body })).status).toBe(201);
    const { id } = JSON.parse(body) as { id: string };
    const response = await fetch(`${server.baseUrl}/api/v1/receipts?since=2000-01-01T00:00:00Z&id=${id}`);
    expect([response.status, await codeOf(response)]).toEqual([401, 'device-signature-required']);
  });
});

describe('unsigned requests from this machine (ALLOW_UNSIGNED_FROM_LOOPBACK, the try-out)', () => {
  let tryOut: LoopbackServer;
  beforeAll(async () => {
    tryOut = await startLoopbackServer({ allowUnsignedFromLoopback: true });
  });
  afterAll(async () => {
    await tryOut.close();
  });

  it('accepts an unsigned request from loopback as no device’s, and still checks signed ones', async () => {
    const body = JSON.stringify(await sealedSubmissionFor(tryOut.intakeKey));
    const unsigned = await fetch(`${tryOut.baseUrl}${REFERRALS}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(201);
    expect((await tryOut.referrals.findById((JSON.parse(body) as { id: string }).id))?.deviceId).toBeNull();

    const responder = await signIn(tryOut.baseUrl, await createAccount(tryOut, 'responder'));
    const device = await enrolDevice(tryOut.baseUrl, responder);
    const forged = await signedFetch(tryOut.baseUrl, device, 'POST', REFERRALS, { body: JSON.stringify(await sealedSubmissionFor(tryOut.intakeKey)), key: (await deviceKeys()).privateKey });
    expect(forged.status).toBe(401);
    const good = await signedFetch(tryOut.baseUrl, device, 'POST', REFERRALS, { body: JSON.stringify(await sealedSubmissionFor(tryOut.intakeKey)) });
    expect(good.status).toBe(201);
  });

  it('tells the field app on this machine it need not enrol, and anyone a proxy forwarded that they must', async () => {
    const policy = async (headers: Record<string, string> = {}) => (await (await fetch(`${tryOut.baseUrl}/api/v1/device-policy`, { headers })).json()) as unknown;
    expect(await policy()).toEqual({ enrolment: 'not-required-from-this-machine' });
    expect(await policy({ 'x-forwarded-for': '203.0.113.9' })).toEqual({ enrolment: 'required' });
  });

  it('refuses an unsigned request a proxy on this machine forwarded from elsewhere', async () => {
    for (const forwarded of [['x-forwarded-for', '203.0.113.9'], ['forwarded', 'for=203.0.113.9']] as const) {
      const response = await fetch(`${tryOut.baseUrl}${REFERRALS}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [forwarded[0]]: forwarded[1] },
        body: JSON.stringify(await sealedSubmissionFor(tryOut.intakeKey)),
      });
      expect([response.status, await codeOf(response)]).toEqual([401, 'device-signature-required']);
    }
  });

  it('tells an unsigned receipts request about unsigned referrals only, never about a device’s', async () => {
    const unsignedBody = JSON.stringify(await sealedSubmissionFor(tryOut.intakeKey));
    expect((await fetch(`${tryOut.baseUrl}${REFERRALS}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: unsignedBody })).status).toBe(201);
    const device = await enrolDevice(tryOut.baseUrl, await signIn(tryOut.baseUrl, await createAccount(tryOut, 'responder')));
    const signedBody = JSON.stringify(await sealedSubmissionFor(tryOut.intakeKey));
    expect((await signedFetch(tryOut.baseUrl, device, 'POST', REFERRALS, { body: signedBody })).status).toBe(201);
    const ids = [unsignedBody, signedBody].map((body) => (JSON.parse(body) as { id: string }).id);
    const query = new URLSearchParams([['since', '2000-01-01T00:00:00Z'], ...ids.map((id) => ['id', id])]);
    const response = await fetch(`${tryOut.baseUrl}/api/v1/receipts?${query}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { statuses: { id: string }[] }).statuses.map((status) => status.id)).toEqual([ids[0]]);
  });
});
