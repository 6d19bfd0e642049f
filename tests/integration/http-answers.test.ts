import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/server/security.ts';
import { createAccount, signIn } from '../support/accounts.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server.close();
});

/** Sends bytes as they are (fetch would repair a broken URL) and reads the whole answer; the request closes the connection. */
function rawRequest(text: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

function expectSecurityHeaders(headers: Record<string, string> | Headers): void {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(get(name), name).toBe(value);
}

describe('answers the server gives before any route', () => {
  it('answers a URL it cannot decode with 400 problem+json and the security headers, without echoing it', async () => {
    for (const path of ['/%', '/api/v1/%zzSHOUT', '/api/v1/reference/SHOUT%E0%A4%A']) {
      const answer = await rawRequest(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer.status, path).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.headers['cache-control']).toBe('no-store');
      expectSecurityHeaders(answer.headers);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 400, code: 'bad-request', title: 'This address is not valid' });
      expect(answer.body).not.toContain('SHOUT');
    }
  });

  it('answers a request that is not HTTP with 400 problem+json and the security headers', async () => {
    const answer = await rawRequest('NOT HTTP AT ALL\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expectSecurityHeaders(answer.headers);
    expect(answer.body).not.toContain('NOT HTTP');
  });
});

describe('security headers', () => {
  it('are the same on every kind of answer: found, not found, unsigned, too large, wrong type, forbidden', async () => {
    const cookie = await signIn(server.baseUrl, await createAccount(server, 'analyst'));
    const answers = await Promise.all([
      fetch(`${server.baseUrl}/api/v1/health`),
      fetch(`${server.baseUrl}/api/v1/nothing-here`),
      fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(20_000) }),
      fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<x/>' }),
      fetch(`${server.baseUrl}/api/v1/devices`, { headers: { cookie } }),
      fetch(`${server.baseUrl}/api/openapi.json`),
    ]);
    expect(answers.map((response) => response.status)).toEqual([200, 404, 401, 413, 415, 403, 200]);
    for (const response of answers) expectSecurityHeaders(response.headers);
  });

  it('let only this site use the camera and the location, and nothing use the microphone or payments', async () => {
    const policy = (await fetch(`${server.baseUrl}/api/v1/health`)).headers.get('permissions-policy') ?? '';
    const features = Object.fromEntries(policy.split(',').map((entry) => entry.trim().split('=')));
    expect(features).toMatchObject({ camera: '(self)', geolocation: '(self)', microphone: '()', payment: '()' });
  });
});
