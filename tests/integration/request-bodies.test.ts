import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEALED_CHUNK_BYTES } from '../../src/shared/evidence-limits.ts';
import { MAX_JSON_DEPTH } from '../../src/shared/json-depth.ts';
import { MAX_SUBMISSION_BYTES } from '../../src/shared/protocol.ts';
import { SCHEMA_VERSION } from '../../src/shared/schema-version.ts';
import { sealJson, sealingAad } from '../../src/shared/sealing.ts';
import { createAccount, deviceKeys, enrolDevice, signIn, signedFetch, type TestDevice } from '../support/accounts.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

const REFERRALS = '/api/v1/referrals';
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const problemOf = async (response: Response) => (await response.json()) as { code?: string; title?: string; detail?: string };

let server: LoopbackServer;
let device: TestDevice;
beforeAll(async () => {
  server = await startLoopbackServer();
  device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder')));
});
afterAll(async () => {
  await server.close();
});

describe('deeply nested JSON', () => {
  it('is refused by a scan of its bytes, 400 with what the limit is, on any route', async () => {
    const megabyte = '['.repeat(MAX_SUBMISSION_BYTES);
    const signed = await signedFetch(server.baseUrl, device, 'POST', REFERRALS, { body: megabyte });
    expect(signed.status).toBe(400);
    expect(await problemOf(signed)).toMatchObject({ code: 'bad-request', title: expect.stringMatching(/nests arrays and objects more deeply/), detail: `At most ${MAX_JSON_DEPTH} levels. Nothing was stored.` });
    const session = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nested(MAX_JSON_DEPTH + 1) });
    expect(session.status).toBe(400);
    expect((await problemOf(session)).title).toMatch(/more deeply/);
    // At the limit it is read (and refused for what it is, not for its depth).
    const atLimit = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nested(MAX_JSON_DEPTH) });
    expect([atLimit.status, (await problemOf(atLimit)).title]).toEqual([400, 'Enter your email address and password']);
  });

  it('inside a sealed referral is refused as unreadable before it is parsed', async () => {
    const id = uuidv7();
    let deep: unknown = 'bottom';
    for (let level = 0; level <= MAX_JSON_DEPTH; level += 1) deep = [deep];
    const sealed = await sealJson(server.intakeKey, deep, sealingAad(id, SCHEMA_VERSION));
    const body = JSON.stringify({ id, schemaVersion: SCHEMA_VERSION, submittedAt: new Date().toISOString(), envelope: { format: 'hpke', ...sealed } });
    const response = await signedFetch(server.baseUrl, device, 'POST', REFERRALS, { body });
    expect([response.status, (await problemOf(response)).code]).toEqual([422, 'unreadable-envelope']);
    expect(await server.referrals.findById(id)).toBeUndefined();
  });
});

describe('device signatures', () => {
  it('are checked on the raw bytes before any parser reads them: a forged request with a broken body gets 401, not 400', async () => {
    const forger = (await deviceKeys()).privateKey;
    for (const body of ['{"broken', '['.repeat(MAX_SUBMISSION_BYTES), '{"__proto__": {"x": 1}}']) {
      const forged = await signedFetch(server.baseUrl, device, 'POST', REFERRALS, { body, key: forger });
      expect([forged.status, (await problemOf(forged)).code]).toEqual([401, 'device-signature-invalid']);
    }
    // The same broken body, honestly signed, reaches the parser.
    const honest = await signedFetch(server.baseUrl, device, 'POST', REFERRALS, { body: '{"broken' });
    expect([honest.status, (await problemOf(honest)).code]).toEqual([400, 'bad-request']);
  });

  it('still refuse a body over the route’s limit, with 413, before reading it whole', async () => {
    const bytes = new Uint8Array(MAX_SEALED_CHUNK_BYTES + 1);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const response = await signedFetch(server.baseUrl, device, 'PUT', `/api/v1/referrals/${uuidv7()}/files/${crypto.randomUUID()}/chunks/0`, {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream', 'nrm-chunk-sha256': sha256 },
    });
    expect([response.status, (await problemOf(response)).code]).toEqual([413, 'payload-too-large']);
  });
});
