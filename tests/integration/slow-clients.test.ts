import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/server/security.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';
import { startServer } from '../support/server-process.ts';

/** A raw TCP connection that records everything the server sends and when it closes the connection. */
interface RawClient {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
}

async function rawClient(baseUrl: string): Promise<RawClient> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => undefined); // a reset is one way the server may close it
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received: () => received, closed };
}

/** Writes `parts` one every `everyMs` until the connection closes or they run out (and stops there, holding the connection). */
function dribble(client: RawClient, parts: string[], everyMs: number): void {
  const timer = setInterval(() => {
    const part = parts.shift();
    if (part === undefined || client.socket.destroyed) clearInterval(timer);
    else client.socket.write(part);
  }, everyMs);
  void client.closed.then(() => clearInterval(timer));
}

/** Bounds how long a test waits for the server to act, so a server that never does fails instead of hanging. */
function within<T>(what: string, promise: Promise<T>, ms = 10_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms))]);
}

function parseAnswer(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

describe('slow clients', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    // Small limits, so the test sees them act in well under a second or two.
    server = await startLoopbackServer({ limits: { headersTimeoutMs: 400, requestTimeoutMs: 1_000, connectionTimeoutMs: 5_000, keepAliveTimeoutMs: 500 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('cuts a client that dribbles its headers, with a 408 problem that carries the security headers', async () => {
    const client = await rawClient(server.baseUrl);
    client.socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\n');
    dribble(client, Array.from({ length: 100 }, (_, i) => `X-Slow-${i}: a\r\n`), 50);
    await within('the server closing the connection', client.closed);
    const answer = parseAnswer(client.received());
    expect(answer.status).toBe(408);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 408, code: 'request-timeout' });
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers[name]).toBe(value);
  });

  it('cuts a client that sends its body a byte at a time', async () => {
    const client = await rawClient(server.baseUrl);
    // Sign-in reads its body before anything else refuses it.
    client.socket.write('POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    dribble(client, Array.from({ length: 900 }, () => ' '), 50);
    await within('the server closing the connection', client.closed);
    expect(parseAnswer(client.received()).status).toBe(408);
  });

  it('closes a connection that never sends a request', async () => {
    const client = await rawClient(server.baseUrl);
    await within('the server closing the idle connection', client.closed);
    expect(parseAnswer(client.received()).status).toBe(408);
  });

  it('still answers others while slow clients are being cut', async () => {
    const slow = await rawClient(server.baseUrl);
    slow.socket.write('GET /api/v1/health HTTP/1.1\r\n');
    expect((await fetch(`${server.baseUrl}/api/v1/intake-key`)).status).toBe(200);
    await within('the slow connection being cut', slow.closed);
  });
});

describe('the connection cap', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer({ limits: { maxConnections: 3, headersTimeoutMs: 20_000, requestTimeoutMs: 20_000 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('closes connections past MAX_CONNECTIONS as they arrive, and takes new ones once others have gone', async () => {
    const held = await Promise.all([rawClient(server.baseUrl), rawClient(server.baseUrl), rawClient(server.baseUrl)]);
    const over = await rawClient(server.baseUrl);
    over.socket.write('GET /api/v1/intake-key HTTP/1.1\r\nHost: x\r\n\r\n');
    await within('the connection over the cap being closed', over.closed);
    expect(over.received()).toBe('');
    for (const client of held) client.socket.destroy();
    await Promise.all(held.map((client) => client.closed));
    const after = await rawClient(server.baseUrl);
    after.socket.write('GET /api/v1/intake-key HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await within('an answer once connections are free', after.closed);
    expect(parseAnswer(after.received()).status).toBe(200);
  });
});

describe('stopping with a slow client attached', () => {
  it('cuts the request still in flight at SHUTDOWN_TIMEOUT_MS and exits', async () => {
    // Request and header timeouts far beyond the test, so only the shutdown deadline can end the request.
    const server = await startServer({ STATIC_DIR: 'tests/support/app-shell-stub', SHUTDOWN_TIMEOUT_MS: '300', REQUEST_TIMEOUT_MS: '600000', HEADERS_TIMEOUT_MS: '600000', CONNECTION_TIMEOUT_MS: '600000' });
    const client = await rawClient(server.baseUrl);
    client.socket.write('POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{');
    dribble(client, Array.from({ length: 10_000 }, () => ' '), 100);
    // The request is in flight once the server has read its headers; give it a moment to.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    await within('the server stopping', server.stop(), 15_000);
    expect(await exited).toBe(0);
    await within('the slow connection being closed', client.closed);
    expect(server.output()).toMatch(/1 connection\(s\) still open after SHUTDOWN_TIMEOUT_MS were cut/);
  });
});
