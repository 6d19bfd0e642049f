import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SUBMISSION_BYTES } from '../../src/shared/protocol.ts';
import { sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

const logLines: string[] = [];
let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ logLines });
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

describe('API description', () => {
  it('serves an OpenAPI document made from the shared schemas', async () => {
    const document = await (await fetch(`${server.baseUrl}/api/openapi.json`)).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(['/api/v1/referrals', '/api/v1/receipts', '/api/v1/intake-key', '/api/v1/health']);
    const body = document.paths['/api/v1/referrals'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body)).toContain('hpke');
  });
});

describe('logs', () => {
  it('never hold personal details, whatever is sent', async () => {
    const seeded = ['Marisol Ferreira-Quint', '07700 900314', 'the back room of the Lucky Star nail bar'];
    const account = `${seeded[0]} (${seeded[1]}) was made to sleep in ${seeded[2]}.`;
    const sealed = await sealedSubmissionFor(server.intakeKey, validReferral({ account }));
    expect((await post(JSON.stringify(sealed))).status).toBe(201);
    const previous = { ...sealed, id: (await sealedSubmissionFor(server.intakeKey)).id, schemaVersion: 1, envelope: { format: 'plain', referral: { ageGroup: 'adult', account } } };
    expect((await post(JSON.stringify(previous))).status).toBe(201);
    expect((await post(JSON.stringify({ ...previous, envelope: { format: 'plain', referral: { ageGroup: seeded[0], account } } }))).status).toBe(422);
    expect((await post(`{"broken": "${seeded[0]}`)).status).toBe(400);
    const log = logLines.join('');
    expect(log).toContain('incoming request');
    for (const secret of seeded) expect(log).not.toContain(secret);
  });
});

describe('fuzz: malformed, oversized and random requests', () => {
  const noServerError = (status: number) => expect(status).toBeLessThan(500);

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

  it('never answers 5xx for random receipt queries, paths, methods and headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (query) => {
        noServerError((await fetch(`${server.baseUrl}/api/v1/receipts?${encodeURI(query)}`)).status);
      }),
      { numRuns: 300, seed: 11 },
    );
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
});
