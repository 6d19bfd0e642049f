import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/server/routes/openapi.ts';
import { cookieFrom, createAccount, enrolDevice, signIn } from '../support/accounts.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

const SAFE = new Set(['get', 'head', 'options']);

/** Every state-changing route the API describes, its path parameters filled with ids. */
function writeRoutes(): { method: string; path: string }[] {
  const id = '0193c7e2-5b1a-7c3d-9e8f-1234567890ab';
  return Object.entries(openApiDocument().paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => !SAFE.has(method))
      .map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{list\}/, 'organisations').replace(/\{index\}/, '0').replace(/\{\w+\}/g, id) })),
  );
}

describe('writes from another site', () => {
  let server: LoopbackServer;
  let admin: string;
  let responder: string;
  beforeAll(async () => {
    server = await startLoopbackServer();
    admin = await signIn(server.baseUrl, await createAccount(server, 'admin'));
    responder = await signIn(server.baseUrl, await createAccount(server, 'responder'));
  });
  afterAll(async () => {
    await server.close();
  });

  const attempt = (method: string, path: string, headers: Record<string, string>, cookie = admin) =>
    fetch(`${server.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', cookie, ...headers }, body: '{}' });

  it('are refused on every state-changing route, by Sec-Fetch-Site or, without it, by Origin', async () => {
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThan(10);
    for (const { method, path } of routes) {
      const crossSite: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'null' }];
      for (const headers of crossSite) {
        const response = await attempt(method, path, headers);
        expect([method, path, headers, response.status]).toEqual([method, path, headers, 403]);
        expect(((await response.json()) as { code: string }).code).toBe('cross-site-request');
      }
    }
  });

  it('are not what the console sends: its own same-origin writes, and clients that are no browser, pass', async () => {
    const enrol = (headers: Record<string, string>) =>
      fetch(`${server.baseUrl}/api/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: responder, ...headers }, body: '{}' });
    const host = new URL(server.baseUrl).host;
    const sameOrigin: Record<string, string>[] = [{ 'sec-fetch-site': 'same-origin' }, { origin: `http://${host}` }, {}];
    for (const headers of sameOrigin) {
      const response = await enrol(headers);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('bad-request');
    }
    expect((await enrolDevice(server.baseUrl, responder)).id).toMatch(/^[0-9a-f-]{36}$/);
    const signedOut = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'DELETE', headers: { cookie: admin, 'sec-fetch-site': 'same-origin' } });
    expect(signedOut.status).toBe(204);
  });
});

describe('the session cookie over HTTPS', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer({ secureCookies: 'always' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('is a __Host- cookie for the whole host, and a cookie of the plain name is not taken for it', async () => {
    const account = await createAccount(server, 'caseworker');
    const response = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) });
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-nrm_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict; Secure$/);
    const cookie = cookieFrom(response);
    const token = cookie.split('=')[1] ?? '';
    const whoAmI = (header: string) => fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie: header } }).then((answer) => answer.status);
    expect(await whoAmI(cookie)).toBe(200);
    // What a subdomain or a plain-HTTP answer could have planted: refused.
    expect(await whoAmI(`nrm_session=${token}`)).toBe(401);
    const out = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-nrm_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict; Secure$/);
    expect(await whoAmI(cookie)).toBe(401);
  });
});
