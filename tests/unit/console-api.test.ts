import { describe, expect, it } from 'vitest';
import { createConsoleApi } from '../../src/console/shell/api.ts';
import { msUntilSessionEnds } from '../../src/console/shell/session-end.ts';

const session = {
  user: { id: 'u1', email: 'cw@example.org', role: 'caseworker', organisation: { id: 'o1', name: 'Test Constabulary' } },
  idleExpiresAt: '2026-03-02T10:30:00.000Z',
  expiresAt: '2026-03-02T22:00:00.000Z',
};
const now = () => new Date('2026-03-02T10:00:00.000Z');

function apiAnswering(answer: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const api = createConsoleApi({
    now,
    fetch: async (input, init) => {
      calls.push({ url: String(input), init });
      return answer(String(input), init);
    },
  });
  return { api, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('console API client', () => {
  it('signs in with a JSON body and reads the server’s clock from its Date header', async () => {
    const { api, calls } = apiAnswering(() => json(200, session, { date: 'Mon, 02 Mar 2026 09:58:00 GMT' }));
    const result = await api.signIn({ email: 'cw@example.org', password: 'pw' });
    expect(result).toEqual({ ok: true, value: { session, serverTime: new Date('2026-03-02T09:58:00.000Z') } });
    expect(calls[0]?.url).toBe('/api/v1/session');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.body).toBe(JSON.stringify({ email: 'cw@example.org', password: 'pw' }));
  });

  it('falls back to the device clock without a Date header', async () => {
    const { api } = apiAnswering(() => json(200, session));
    const result = await api.session();
    expect(result.ok && result.value.serverTime).toEqual(now());
  });

  it('turns a 429 with Retry-After into a wait in seconds', async () => {
    const { api } = apiAnswering(() => json(429, { type: 'x', title: 'Too many attempts', status: 429, code: 'rate-limited' }, { 'retry-after': '600' }));
    expect(await api.signIn({ email: 'a@b.org', password: 'p' })).toEqual({ ok: false, failure: { kind: 'rate-limited', retryAfterSeconds: 600 } });
  });

  it('reports an unreachable server rather than throwing', async () => {
    const { api } = apiAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await api.session()).toEqual({ ok: false, failure: { kind: 'unreachable' } });
  });

  it('does not trust a 200 whose body is not what was asked for', async () => {
    const { api } = apiAnswering(() => new Response('<html>captive portal</html>', { status: 200 }));
    expect(await api.session()).toEqual({ ok: false, failure: { kind: 'unexpected', status: 200 } });
  });

  it('signs out with DELETE', async () => {
    const { api, calls } = apiAnswering(() => new Response(null, { status: 204 }));
    expect(await api.signOut()).toEqual({ ok: true, value: undefined });
    expect(calls[0]?.init?.method).toBe('DELETE');
  });
});

describe('when to look whether the session has ended', () => {
  it('goes by the server’s clock, just after the earlier of the two ends', () => {
    expect(msUntilSessionEnds(session, new Date('2026-03-02T10:00:00.000Z'))).toBe(30 * 60_000 + 15_000);
    // Only the server’s own time counts; the device’s clock plays no part.
    expect(msUntilSessionEnds(session, new Date('2026-03-02T10:29:00.000Z'))).toBe(60_000 + 15_000);
    expect(msUntilSessionEnds({ idleExpiresAt: '2026-03-02T10:30:00.000Z', expiresAt: '2026-03-02T10:05:00.000Z' }, new Date('2026-03-02T10:00:00.000Z'))).toBe(5 * 60_000 + 15_000);
  });

  it('looks soon when the end has passed already', () => {
    expect(msUntilSessionEnds(session, new Date('2026-03-02T23:00:00.000Z'))).toBe(15_000);
  });
});
