import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/shared/retry-after.ts';
import { submitAddition } from '../../src/sync/api-additions.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { fakeClock, submissionFor } from '../support/fixtures.ts';

const receiptFor = (id: string) => ({
  id,
  reference: 'NRM-7K3F-9Q',
  receivedAt: '2026-11-29T09:31:00.000Z',
  digest: 'a'.repeat(64),
});

function transportAnswering(response: () => Response | Promise<Response>) {
  const clock = fakeClock();
  return createHttpTransport({ fetch: async () => response(), clock, submitAddition });
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('HTTP transport', () => {
  const submission = submissionFor();

  it.each([200, 201])('counts %i with a receipt for this id as delivered', async (status) => {
    const outcome = await transportAnswering(() => json(status, receiptFor(submission.id))).send(submission);
    expect(outcome).toEqual({ kind: 'delivered', receipt: receiptFor(submission.id) });
  });

  it('does not count a 201 whose receipt names another id, or has no receipt', async () => {
    expect((await transportAnswering(() => json(201, receiptFor('another'))).send(submission)).kind).toBe('retry');
    expect((await transportAnswering(() => new Response('ok', { status: 201 })).send(submission)).kind).toBe('retry');
    expect((await transportAnswering(() => json(200, { id: submission.id })).send(submission)).kind).toBe('retry');
  });

  it.each([400, 409, 413, 422])('treats %i as refused content, keeping the server’s problem', async (status) => {
    const problem = { type: 'x', title: 'Refused', status, code: 'invalid-referral', errors: [{ path: 'envelope.referral.account', message: 'm' }] };
    const outcome = await transportAnswering(() => json(status, problem)).send(submission);
    expect(outcome).toEqual({ kind: 'refused', problem });
  });

  it('makes up a problem when a refusal has no readable body', async () => {
    const outcome = await transportAnswering(() => new Response('<html>', { status: 413 })).send(submission);
    expect(outcome).toMatchObject({ kind: 'refused', problem: { status: 413, code: 'payload-too-large' } });
  });

  it.each([408, 429, 500, 502, 503, 504])('retries %i', async (status) => {
    expect((await transportAnswering(() => new Response('', { status })).send(submission)).kind).toBe('retry');
  });

  it('honours Retry-After on 429 and 503', async () => {
    const outcome = await transportAnswering(() => new Response('', { status: 503, headers: { 'Retry-After': '120' } })).send(submission);
    expect(outcome).toMatchObject({ kind: 'retry', retryAfterMs: 120_000 });
  });

  it('keeps an item over its device’s quota for later, with the server’s words for why, for referrals and files alike', async () => {
    const title = 'This device has sent more than 100 referrals in an hour; ask your administrator';
    const overQuota = () => json(429, { type: 'urn:nrm-field:problem:device-quota-exceeded', title, status: 429, code: 'device-quota-exceeded' }, { 'Retry-After': '600' });
    expect(await transportAnswering(overQuota).send(submission)).toEqual({ kind: 'retry', reason: title, retryAfterMs: 600_000 });
    const chunk = { referralId: submission.id, fileId: '01900000-0000-7000-8000-000000000001', index: 0, sha256: 'a'.repeat(64), body: new Uint8Array(4) };
    expect(await transportAnswering(overQuota).putChunk(chunk)).toEqual({ kind: 'retry', reason: title, retryAfterMs: 600_000 });
  });

  it('retries when there is no connection at all', async () => {
    const transport = createHttpTransport({ fetch: () => Promise.reject(new TypeError('Failed to fetch')), clock: fakeClock(), submitAddition });
    expect(await transport.send(submission)).toEqual({ kind: 'retry', reason: 'No connection to the server' });
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-29T09:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 09:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('signs every request with the exact body it sends, once the device is enrolled', async () => {
    const seen: { url: string; headers: Record<string, string>; body?: string }[] = [];
    const signed: { method: string; target: string; body?: string | Uint8Array<ArrayBuffer> }[] = [];
    const transport = createHttpTransport({
      submitAddition,
      clock: fakeClock(),
      baseUrl: 'https://nrm.example',
      fetch: async (url, init) => {
        seen.push({ url: String(url), headers: init?.headers as Record<string, string>, body: init?.body as string | undefined });
        return json(201, receiptFor(submission.id));
      },
      sign: async (request) => {
        signed.push(request);
        return { 'nrm-signature': 'sig' };
      },
    });
    await transport.send(submission);
    await transport.reachable();
    expect(signed).toEqual([
      { method: 'POST', target: '/api/v1/referrals', body: JSON.stringify(submission) },
      { method: 'GET', target: '/api/v1/health', body: undefined },
    ]);
    expect(seen[0]).toMatchObject({ url: 'https://nrm.example/api/v1/referrals', body: JSON.stringify(submission), headers: { 'content-type': 'application/json', 'nrm-signature': 'sig' } });
  });

  it('tells a revoked device apart from one that must sign in again', async () => {
    const revoked = await transportAnswering(() => json(401, { type: 'x', title: 'Revoked', status: 401, code: 'device-revoked' })).send(submission);
    expect(revoked).toMatchObject({ kind: 'unauthorised', revoked: true });
    const unknown = await transportAnswering(() => json(401, { type: 'x', title: 'Unknown', status: 401, code: 'device-unknown' })).send(submission);
    expect(unknown).toMatchObject({ kind: 'unauthorised', revoked: false, reason: expect.stringContaining('sign in again') });
    const skewed = await transportAnswering(() => json(401, { type: 'x', title: 'Clock', status: 401, code: 'device-clock-skew' })).send(submission);
    expect(skewed).toMatchObject({ kind: 'unauthorised', revoked: false, reason: expect.stringContaining('date and time are wrong') });
    const held = await transportAnswering(() => json(401, { type: 'x', title: 'Held', status: 401, code: 'device-needs-sign-in' })).send(submission);
    expect(held).toEqual({ kind: 'unauthorised', revoked: false, reason: 'Your account has been disabled or reset; sign in again on this device (Settings)' });
  });
});
