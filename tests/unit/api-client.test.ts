import { describe, expect, it } from 'vitest';
import { apiPath } from '../../src/shared/api-path.ts';
import { API_PATHS } from '../../src/shared/protocol.ts';
import { signIn, signOut } from '../../src/sync/api-accounts.ts';
import { createApiClient, type ApiClientOptions } from '../../src/sync/api-client.ts';
import { intakeKey, referenceList } from '../../src/sync/api-public.ts';
import { health, heldChunks, putChunk, receipts, submitReferral } from '../../src/sync/api-sync.ts';
import type { SignableRequest } from '../../src/sync/ports.ts';
import { fakeClock, submissionFor } from '../support/fixtures.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A client over a fake fetch that records each request and gives the answers in turn. */
function clientAnswering(answers: (() => Response | Promise<Response>)[], options: Partial<ApiClientOptions> = {}) {
  const requests: { url: string; init: RequestInit }[] = [];
  const api = createApiClient({
    clock: fakeClock(),
    ...options,
    fetch: async (input, init = {}) => {
      requests.push({ url: String(input), init });
      const answer = answers[requests.length - 1];
      if (!answer) throw new Error('No answer left');
      return answer();
    },
  });
  return { api, requests };
}

const headersOf = (init: RequestInit) => init.headers as Record<string, string>;
const towns = { name: 'uk-towns', version: '2026-05-1', items: [{ value: 'Ayr' }] };

describe('API paths', () => {
  it('fills in every :param as one encoded path segment, then the query', () => {
    expect(apiPath(API_PATHS.evidenceChunk, { id: 'r1', fileId: 'f/1', index: 3 })).toBe('/api/v1/referrals/r1/files/f%2F1/chunks/3');
    expect(apiPath(API_PATHS.reference, { list: 'uk-towns' })).toBe('/api/v1/reference/uk-towns');
    expect(apiPath(API_PATHS.receipts, {}, new URLSearchParams([['since', 's'], ['id', 'a'], ['id', 'b']]))).toBe('/api/v1/receipts?since=s&id=a&id=b');
    expect(apiPath(API_PATHS.health, {}, new URLSearchParams())).toBe('/api/v1/health');
  });
});

describe('API client', () => {
  it('reads a problem answer: status, code, wording, fields at fault and how long to wait', async () => {
    const problem = { type: 'x', title: 'Too many attempts', status: 429, code: 'rate-limited', detail: 'Wait', errors: [{ path: 'email', message: 'm' }] };
    const { api } = clientAnswering([() => json(429, problem, { 'retry-after': '600' })]);
    expect(await intakeKey(api)).toEqual({ ok: false, failure: { kind: 'problem', status: 429, problem, retryAfterMs: 600_000 } });
  });

  it('reads Retry-After as a date by its clock, and keeps the status of an answer that is no problem+json', async () => {
    const clock = fakeClock(Date.parse('2026-11-29T09:00:00.000Z'));
    const { api } = clientAnswering([() => new Response('<html>Bad gateway</html>', { status: 503, headers: { 'retry-after': 'Sun, 29 Nov 2026 09:01:00 GMT' } })], { clock });
    expect(await health(api)).toEqual({ ok: false, failure: { kind: 'problem', status: 503, problem: undefined, retryAfterMs: 60_000 } });
  });

  it('reports no answer at all as unreachable rather than throwing', async () => {
    const api = createApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await intakeKey(api)).toEqual({ ok: false, failure: { kind: 'unreachable' } });
  });

  it('tells a success with the wrong body apart from one that is not JSON at all', async () => {
    const { api } = clientAnswering([() => json(200, { keyId: 1 }), () => new Response('<html>captive portal</html>', { status: 200 })]);
    expect(await intakeKey(api)).toEqual({ ok: false, failure: { kind: 'unexpected', status: 200, readable: true } });
    expect(await intakeKey(api)).toEqual({ ok: false, failure: { kind: 'unexpected', status: 200, readable: false } });
  });

  it('gives the parsed answer with its status and headers', async () => {
    const key = { keyId: 'k1', suite: 'hpke', publicKey: 'AAAA' };
    const { api, requests } = clientAnswering([() => json(200, key, { date: 'Sun, 29 Nov 2026 09:00:00 GMT' })]);
    const result = await intakeKey(api);
    expect(result).toMatchObject({ ok: true, status: 200, value: key });
    expect(result.ok && result.headers.get('date')).toBe('Sun, 29 Nov 2026 09:00:00 GMT');
    expect(requests[0]).toMatchObject({ url: '/api/v1/intake-key', init: { method: 'GET', cache: 'no-store' } });
  });

  it('signs each request with the exact body and target it sends, and sends the signature', async () => {
    const submission = submissionFor();
    const signed: SignableRequest[] = [];
    const bytes = new Uint8Array([1, 2, 3]);
    const { api, requests } = clientAnswering([() => json(201, {}), () => new Response(null, { status: 204 }), () => json(200, { statuses: [] })], {
      baseUrl: 'https://nrm.example',
      sign: async (request) => {
        signed.push(request);
        return { 'nrm-signature': `sig${signed.length}` };
      },
    });
    await submitReferral(api, submission);
    await putChunk(api, { referralId: 'r1', fileId: 'f1', index: 2, sha256: 'a'.repeat(64), body: bytes });
    await receipts(api, { ids: ['a', 'b'], since: '2026-11-29T09:00:00.000Z' });
    expect(signed).toEqual([
      { method: 'POST', target: '/api/v1/referrals', body: JSON.stringify(submission) },
      { method: 'PUT', target: '/api/v1/referrals/r1/files/f1/chunks/2', body: bytes },
      { method: 'GET', target: '/api/v1/receipts?since=2026-11-29T09%3A00%3A00.000Z&id=a&id=b', body: undefined },
    ]);
    expect(requests.map(({ url }) => url)).toEqual([
      'https://nrm.example/api/v1/referrals',
      'https://nrm.example/api/v1/referrals/r1/files/f1/chunks/2',
      'https://nrm.example/api/v1/receipts?since=2026-11-29T09%3A00%3A00.000Z&id=a&id=b',
    ]);
    expect(requests[0]?.init.body).toBe(JSON.stringify(submission));
    expect(headersOf(requests[0]!.init)).toMatchObject({ 'content-type': 'application/json', 'nrm-signature': 'sig1' });
    expect(requests[1]?.init.body).toBe(bytes);
    expect(headersOf(requests[1]!.init)).toMatchObject({ 'content-type': 'application/octet-stream', 'nrm-chunk-sha256': 'a'.repeat(64), 'nrm-signature': 'sig2' });
  });

  it('counts a failed signature as no answer: nothing goes out unsigned', async () => {
    const { api, requests } = clientAnswering([() => json(200, { fileId: 'f1', chunks: [] })], { sign: () => Promise.reject(new Error('no key')) });
    expect(await heldChunks(api, 'r1', 'f1')).toEqual({ ok: false, failure: { kind: 'unreachable' } });
    expect(requests).toEqual([]);
  });

  it('sends the session cookie only when told, with JSON bodies, and takes a 204 as success', async () => {
    const session = {
      user: { id: 'u1', email: 'cw@example.org', role: 'caseworker', organisation: { id: 'o1', name: 'Test Constabulary' } },
      idleExpiresAt: '2026-03-02T10:30:00.000Z',
      expiresAt: '2026-03-02T22:00:00.000Z',
    };
    const signedIn = clientAnswering([() => json(200, session), () => new Response(null, { status: 204 })], { credentials: 'same-origin' });
    expect(await signIn(signedIn.api, { email: 'cw@example.org', password: 'pw' })).toMatchObject({ ok: true, value: session });
    expect(await signOut(signedIn.api)).toMatchObject({ ok: true, status: 204, value: undefined });
    expect(signedIn.requests[0]?.init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: JSON.stringify({ email: 'cw@example.org', password: 'pw' }) });
    expect(signedIn.requests[1]?.init).toMatchObject({ method: 'DELETE', credentials: 'same-origin' });

    const device = clientAnswering([() => json(200, { fileId: 'f1', chunks: [] })]);
    await heldChunks(device.api, 'r1', 'f1');
    expect(device.requests[0]?.init).not.toHaveProperty('credentials');
  });
});

describe('reference lists over the API client', () => {
  it('asks with If-None-Match and takes a 304 as "not modified"', async () => {
    const { api, requests } = clientAnswering([() => new Response(null, { status: 304, headers: { etag: '"v1"' } })]);
    expect(await referenceList(api, 'uk-towns', '"v1"')).toMatchObject({ ok: true, status: 304, value: { kind: 'not-modified' } });
    expect(requests[0]?.url).toBe('/api/v1/reference/uk-towns');
    expect(headersOf(requests[0]!.init)).toMatchObject({ 'if-none-match': '"v1"' });
  });

  it('takes a 304 as a failure on a route that did not ask conditionally (a stored chunk, the health check)', async () => {
    const { api } = clientAnswering([() => new Response(null, { status: 304 }), () => new Response(null, { status: 304 })]);
    expect(await health(api)).toMatchObject({ ok: false, failure: { kind: 'problem', status: 304 } });
    expect(await putChunk(api, { referralId: 'r1', fileId: 'f1', index: 0, sha256: 'a'.repeat(64), body: new Uint8Array([1]) })).toMatchObject({ ok: false, failure: { kind: 'problem', status: 304 } });
  });

  it('gives a changed list parsed, as sent, and with its tag; asks unconditionally without one', async () => {
    const { api, requests } = clientAnswering([() => json(200, towns, { etag: '"v2"' })]);
    const result = await referenceList(api, 'uk-towns');
    expect(result).toMatchObject({ ok: true, value: { kind: 'modified', etag: '"v2"', data: towns, list: { name: 'uk-towns', items: [{ value: 'Ayr', label: 'Ayr' }] } } });
    expect(headersOf(requests[0]!.init)).not.toHaveProperty('if-none-match');
  });

  it('does not take a list without a tag, or another list than the one asked for', async () => {
    const { api } = clientAnswering([() => json(200, towns), () => json(200, { ...towns, name: 'countries' }, { etag: '"v2"' })]);
    expect(await referenceList(api, 'uk-towns')).toMatchObject({ ok: false, failure: { kind: 'unexpected', status: 200 } });
    expect(await referenceList(api, 'uk-towns')).toMatchObject({ ok: false, failure: { kind: 'unexpected', status: 200 } });
  });
});
