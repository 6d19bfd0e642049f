import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountService } from '../../src/server/services/accounts.ts';
import { MAX_SUBMISSION_BYTES } from '../../src/shared/protocol.ts';
import { cookieFrom, createAccount, enrolDevice, signIn, signedFetch, type TestDevice } from '../support/accounts.ts';
import { sealedPreviousSubmissionFor, sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { startLoopbackServer, TEST_SCRYPT_COST, type LoopbackServer } from '../support/in-process-server.ts';

const logLines: string[] = [];
let server: LoopbackServer;
beforeAll(async () => {
  // Low enough that fuzzed sign-ins reach the limit quickly (each valid-looking one costs a password hash).
  server = await startLoopbackServer({ logLines, allowUnsignedFromLoopback: true, signInLimits: { perAccountAndAddress: { max: 5, windowMs: 60_000 }, perAddress: { max: 30, windowMs: 60_000 } } });
});
afterAll(async () => {
  await server.close();
});

const post = (body: string | Blob, contentType = 'application/json') =>
  fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('security headers', () => {
  it('sends a strict CSP, no-store on the API, and no referrer', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('health', () => {
  it('answers 200 while the database answers, and 503 with Retry-After when it does not', async () => {
    expect((await fetch(`${server.baseUrl}/api/v1/health`)).status).toBe(200);
    const cut = await startLoopbackServer({ ping: async () => false });
    try {
      const response = await fetch(`${cut.baseUrl}/api/v1/health`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toMatchObject({ code: 'unavailable' });
    } finally {
      await cut.close();
    }
  });
});

describe('API description', () => {
  it('serves an OpenAPI document made from the shared schemas', async () => {
    const document = await (await fetch(`${server.baseUrl}/api/openapi.json`)).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual([
      '/api/v1/referrals',
      '/api/v1/receipts',
      '/api/v1/device-policy',
      '/api/v1/intake-key',
      '/api/v1/health',
      '/api/v1/setup',
      '/api/v1/password',
      '/api/v1/session',
      '/api/v1/devices',
      '/api/v1/devices/{id}',
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/actions',
      '/api/v1/cases/{id}/notes',
      '/api/v1/cases/{id}/possible-matches/{otherId}',
      '/api/v1/caseworkers',
      '/api/v1/dtn-reports',
      '/api/v1/admin/users',
      '/api/v1/admin/users/find',
      '/api/v1/admin/users/{id}',
      '/api/v1/admin/users/{id}/role',
      '/api/v1/admin/users/{id}/disable',
      '/api/v1/admin/users/{id}/enable',
      '/api/v1/admin/users/{id}/reset-password',
      '/api/v1/admin/devices/{id}/revoke',
      '/api/v1/admin/audit',
      '/api/v1/admin/audit.csv',
      '/api/v1/figures/tables',
      '/api/v1/figures/trend',
      '/api/v1/referrals/{id}/files/{fileId}',
      '/api/v1/referrals/{id}/files/{fileId}/chunks/{index}',
      '/api/v1/reference/{list}',
    ]);
    expect(document.paths['/api/v1/referrals/{id}/files/{fileId}/chunks/{index}'].put.security).toEqual([{ deviceSignature: [] }]);
    const body = document.paths['/api/v1/referrals'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('hpke');
    expect(document.paths['/api/v1/referrals'].post.security).toEqual([{ deviceSignature: [] }]);
    expect(document.paths['/api/v1/cases/{id}'].get.responses).toHaveProperty('403');
    expect(document.components.securitySchemes.session).toMatchObject({ in: 'cookie', name: 'nrm_session' });
    const reference = document.paths['/api/v1/reference/{list}'].get;
    expect(reference.parameters[0].schema.enum).toContain('uk-towns');
    expect(Object.keys(reference.responses)).toEqual(['200', '304', '404']);
    expect(reference.security).toBeUndefined();
  });
});

describe('logs', () => {
  it('never hold personal details, whatever is sent', async () => {
    const seeded = ['Marisol Ferreira-Quint', '07700 900314', 'the back room of the Lucky Star nail bar'];
    const account = `${seeded[0]} (${seeded[1]}) was made to sleep in ${seeded[2]}.`;
    const sealed = await sealedSubmissionFor(server.intakeKey, validReferral('adult-nrm', { howStarted: account, firstName: seeded[0], phone: seeded[1] }));
    expect((await post(JSON.stringify(sealed))).status).toBe(201);
    // The previous version is taken from enrolled devices only.
    const device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder')));
    const previous = await sealedPreviousSubmissionFor(server.intakeKey, { path: 'adult-nrm', ageGroup: 'adult', account });
    expect((await signedFetch(server.baseUrl, device, 'POST', '/api/v1/referrals', { body: JSON.stringify(previous) })).status).toBe(201);
    // Invalid answers are refused with the fields at fault, never with what they held.
    expect((await post(JSON.stringify(await sealedSubmissionFor(server.intakeKey, validReferral('dtn', { firstName: seeded[0], howStarted: account }))))).status).toBe(422);
    expect((await post(`{"broken": "${seeded[0]}`)).status).toBe(400);
    const log = logLines.join('');
    expect(log).toContain('incoming request');
    for (const secret of seeded) expect(log).not.toContain(secret);
  });

  it('never hold passwords, one-time codes, session cookies, device signatures or staff emails', async () => {
    const accounts = createAccountService({ ...server.storage, now: () => new Date(), scryptCost: TEST_SCRYPT_COST });
    const setup = await accounts.issueSetupCode();
    const admin = { email: 'log.admin@example.org', password: 'admin passphrase in the logs?' };
    expect((await fetch(`${server.baseUrl}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...admin, token: setup?.token }) })).status).toBe(204);
    await accounts.createOrganisation('Log Test Police', 'test');
    const { code } = await accounts.createUser({ email: 'log.responder@example.org', role: 'responder', organisation: 'Log Test Police' }, 'test');
    const responder = { email: 'log.responder@example.org', password: 'responder passphrase in the logs?' };
    expect((await fetch(`${server.baseUrl}/api/v1/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: code.token, password: responder.password }) })).status).toBe(204);
    const wrong = 'a wrong guess in the logs?';
    expect((await fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: responder.email, password: wrong }) })).status).toBe(401);
    const signedIn = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(responder) });
    const cookie = cookieFrom(signedIn);
    const adminCookie = await signIn(server.baseUrl, admin);
    const device = await enrolDevice(server.baseUrl, cookie);
    const sent = await signedFetch(server.baseUrl, device, 'POST', '/api/v1/referrals', { body: JSON.stringify(await sealedSubmissionFor(server.intakeKey)) });
    expect(sent.status).toBe(201);
    expect((await fetch(`${server.baseUrl}/api/v1/devices`, { headers: { cookie: adminCookie } })).status).toBe(200);

    const log = logLines.join('');
    const secrets = [admin.password, responder.password, wrong, setup?.token ?? '', code.token, cookie.split('=')[1] ?? '', adminCookie.split('=')[1] ?? '', admin.email, responder.email];
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain('nrm-signature');
    expect(log).not.toContain(device.publicKey);
  });
});

/** Rows in every table a request could write to (rate-limit counters aside: counting attempts is their job). */
function tableCounts(): Record<string, number> {
  const db = new BetterSqlite3(server.sqliteFile, { readonly: true });
  try {
    const tables = ['referrals', 'organisations', 'users', 'password_tokens', 'sessions', 'devices', 'device_nonces', 'audit_log'];
    return Object.fromEntries(tables.map((table) => [table, (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

describe('fuzz: malformed, oversized and random requests', () => {
  const noServerError = (status: number) => expect(status).toBeLessThan(500);
  const cookies = { responder: '', admin: '', caseworker: '', reviewer: '' };
  let device: TestDevice;
  // Signed in before the fuzzing uses up this address's sign-in allowance.
  beforeAll(async () => {
    for (const role of ['responder', 'admin', 'caseworker', 'reviewer'] as const) cookies[role] = await signIn(server.baseUrl, await createAccount(server, role));
    device = await enrolDevice(server.baseUrl, cookies.responder);
  });

  it('never answers 5xx, and stores nothing, for random referral bodies and media types', async () => {
    const before = await server.referrals.count();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ id: v, schemaVersion: 2, envelope: v }))),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8'),
        async (body, type) => {
          const response = await post(body, type);
          noServerError(response.status);
          expect(response.status).not.toBe(201);
        },
      ),
      { numRuns: 600, seed: 20261129 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), async (bytes) => {
        noServerError((await post(new Blob([bytes]))).status);
      }),
      { numRuns: 200, seed: 7 },
    );
    expect((await post('x'.repeat(MAX_SUBMISSION_BYTES + 10))).status).toBe(413);
    expect(await server.referrals.count()).toBe(before);
  });

  it('never answers 5xx for random receipt queries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (query) => {
        noServerError((await fetch(`${server.baseUrl}/api/v1/receipts?${encodeURI(query)}`)).status);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('never answers 5xx for random paths, methods and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
        fc.webPath(),
        fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), fc.stringMatching(/^[ -~]{0,60}$/), { maxKeys: 5 }),
        async (method, path, headers) => {
          const response = await fetch(`${server.baseUrl}/api/v1${path}`, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : '{}' });
          noServerError(response.status);
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });

  it('never answers 5xx for random reference list names and If-None-Match headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom('organisations', 'uk-towns', 'countries'), fc.string({ maxLength: 60 })),
        fc.option(fc.stringMatching(/^[ -~]{0,120}$/), { nil: undefined }),
        async (list, tag) => {
          const response = await fetch(`${server.baseUrl}/api/v1/reference/${encodeURIComponent(list)}`, { headers: tag === undefined ? {} : { 'if-none-match': tag } });
          await response.arrayBuffer(); // lists are large: read them, so no connection is left waiting
          noServerError(response.status);
          expect([200, 304, 404]).toContain(response.status);
        },
      ),
      { numRuns: 200, seed: 31 },
    );
  });

  it('never answers 5xx for random evidence uploads: ids, indexes, hashes, bodies and media types', async () => {
    const referralId = (await sealedSubmissionFor(server.intakeKey)).id;
    const fileId = crypto.randomUUID();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(referralId), fc.string({ maxLength: 40 })),
        fc.oneof(fc.constant(fileId), fc.string({ maxLength: 40 })),
        fc.oneof(fc.nat(200), fc.integer(), fc.string({ maxLength: 8 })),
        fc.uint8Array({ minLength: 0, maxLength: 2048 }),
        fc.boolean(),
        fc.constantFrom('application/octet-stream', 'application/json', 'text/plain'),
        async (id, file, index, bytes, honestHash, type) => {
          const named = honestHash ? createHash('sha256').update(bytes).digest('hex') : 'f'.repeat(64);
          const response = await fetch(`${server.baseUrl}/api/v1/referrals/${encodeURIComponent(id)}/files/${encodeURIComponent(file)}/chunks/${encodeURIComponent(String(index))}`, {
            method: 'PUT',
            headers: { 'content-type': type, 'nrm-chunk-sha256': named },
            body: bytes,
          });
          noServerError(response.status);
          if (response.status === 201 || response.status === 200) expect(honestHash && type === 'application/octet-stream' && bytes.length > 0).toBe(true);
          const held = await fetch(`${server.baseUrl}/api/v1/referrals/${encodeURIComponent(id)}/files/${encodeURIComponent(file)}`);
          noServerError(held.status);
        },
      ),
      { numRuns: 300, seed: 37 },
    );
  });

  it('never answers 5xx, and writes nothing, for random bodies to the account, setup and device routes', async () => {
    const before = tableCounts();
    const json = (path: string, body: string, cookie = '', method = 'POST') =>
      fetch(`${server.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body });
    const bodies = fc.oneof(
      fc.json(),
      fc.string(),
      fc.record({ email: fc.oneof(fc.emailAddress(), fc.string()), password: fc.string({ maxLength: 300 }) }).map((v) => JSON.stringify(v)),
      fc.record({ token: fc.string({ maxLength: 120 }), email: fc.emailAddress(), password: fc.string({ minLength: 12, maxLength: 40 }) }).map((v) => JSON.stringify(v)),
      fc.record({ publicKey: fc.oneof(fc.base64String(), fc.jsonValue(), fc.record({ kty: fc.constant('EC'), crv: fc.constant('P-256'), x: fc.base64String(), y: fc.base64String() })), label: fc.string() }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/v1/session', '/api/v1/setup', '/api/v1/password', '/api/v1/devices'), bodies, async (path, body) => {
        noServerError((await json(path, body, path === '/api/v1/devices' ? cookies.responder : '')).status);
      }),
      { numRuns: 400, seed: 17 },
    );
    expect(tableCounts()).toEqual(before);
  });

  it('never answers 5xx for random casework queries, bodies and ids', async () => {
    const sent = await sealedSubmissionFor(server.intakeKey);
    expect((await fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sent) })).status).toBe(201);
    const id = fc.oneof(fc.constant(sent.id), fc.uuid(), fc.string({ maxLength: 40 }));
    const action = fc.oneof(
      fc.json(),
      fc.record({
        version: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 5 })),
        action: fc.oneof(fc.jsonValue(), fc.record({ type: fc.constantFrom('take', 'decide-rg', 'review', 'assign', 'record-reconsideration', 'x'), outcome: fc.string(), to: fc.string(), decidedOn: fc.string() }, { requiredKeys: ['type'] })),
      }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(id, id, action, fc.string({ maxLength: 200 }), fc.constantFrom('caseworker', 'reviewer') as fc.Arbitrary<'caseworker' | 'reviewer'>, async (caseId, otherId, body, query, role) => {
        const headers = { 'content-type': 'application/json', cookie: cookies[role] };
        const at = (path: string) => `${server.baseUrl}/api/v1/${path}`;
        const one = encodeURIComponent(caseId);
        noServerError((await fetch(at(`cases/${one}/actions`), { method: 'POST', headers, body })).status);
        noServerError((await fetch(at(`cases/${one}/notes`), { method: 'POST', headers, body })).status);
        noServerError((await fetch(at(`cases/${one}/possible-matches/${encodeURIComponent(otherId)}`), { method: 'PUT', headers, body })).status);
        noServerError((await fetch(at(`cases?${query}`), { headers })).status);
        noServerError((await fetch(at(`dtn-reports?${query}`), { headers })).status);
      }),
      { numRuns: 150, seed: 41 },
    );
  });

  it('never answers 5xx, and writes nothing, for random ids, cookies and signature headers', async () => {
    const before = tableCounts();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), fc.string({ maxLength: 80 })), async (id) => {
        const path = encodeURIComponent(id);
        noServerError((await fetch(`${server.baseUrl}/api/v1/devices/${path}`, { method: 'DELETE', headers: { cookie: cookies.admin } })).status);
        noServerError((await fetch(`${server.baseUrl}/api/v1/cases/${path}`, { headers: { cookie: cookies.caseworker } })).status);
      }),
      { numRuns: 200, seed: 19 },
    );
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[ -~]{0,120}$/), async (cookie) => {
        noServerError((await fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie } })).status);
      }),
      { numRuns: 150, seed: 23 },
    );
    const headerValue = fc.oneof(fc.stringMatching(/^[ -~]{0,100}$/), fc.base64String().map((b) => b.replace(/=/g, '')), fc.nat().map(String));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          'nrm-device': fc.oneof(fc.constant(device.id), fc.uuid(), headerValue),
          'nrm-timestamp': fc.oneof(fc.constant(String(Date.now())), headerValue),
          'nrm-nonce': headerValue,
          'nrm-signature': fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{86}$/), headerValue),
        }, { requiredKeys: [] }),
        fc.constantFrom('referrals', 'receipts'),
        async (headers, route) => {
          const response =
            route === 'referrals'
              ? await fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(await sealedSubmissionFor(server.intakeKey)) })
              : await fetch(`${server.baseUrl}/api/v1/receipts?since=2000-01-01T00:00:00Z&id=${device.id}`, { headers });
          noServerError(response.status);
          // Unsigned requests pass here (signatures are not required on this server); any signed one is forged.
          if (Object.keys(headers).length > 0) expect(response.status).toBe(401);
        },
      ),
      { numRuns: 300, seed: 29 },
    );
    const after = tableCounts();
    expect({ ...after, referrals: before.referrals }).toEqual(before);
  });
});
