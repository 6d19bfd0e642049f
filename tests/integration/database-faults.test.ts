import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WRITE_FAILURE_MEMORY_MS } from '../../src/server/services/health.ts';
import { connectPostgres } from '../../src/server/storage/postgres.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import { openStorage, storesOver } from '../../src/server/storage/storage.ts';
import type { StorageConnection } from '../../src/server/storage/storage-connection.ts';
import { startOnBackend, type BackendServer } from '../support/backend-server.ts';
import { freePort } from '../support/server-process.ts';
import { sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { freshTestSchema, TEST_DATABASE_URL, type TestSchema } from '../support/postgres.ts';
import { sqliteBackend, type Backend } from '../support/storage-backends.ts';

// Referrals are sent unsigned from loopback (the try-out setting), so that each request's first write is intake's own.
const TRY_OUT = { allowUnsignedFromLoopback: true };

const running: BackendServer[] = [];
const cleanUps: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close().catch(() => undefined);
});
afterAll(async () => {
  for (const cleanUp of cleanUps) await cleanUp();
});

/** A backend for startOnBackend whose storage the test has made already; only tearDown matters. */
const given = (name: string): Backend => ({
  name,
  setUp: async () => undefined,
  open: () => Promise.reject(new Error('storage is given')),
  sql: () => Promise.reject(new Error('not used')),
  rows: () => Promise.reject(new Error('not used')),
  tearDown: async () => undefined,
});

async function serve(connection: StorageConnection, options: { minFreeDiskBytes?: number; migrate?: boolean; now?: () => Date } = {}): Promise<BackendServer> {
  const storage = options.migrate === false ? storesOver(connection) : await openStorage(connection);
  const server = await startOnBackend(given('given'), { ...TRY_OUT, minFreeDiskBytes: options.minFreeDiskBytes, now: options.now }, storage);
  running.push(server);
  return server;
}

async function sqliteConnection(): Promise<StorageConnection> {
  const backend = sqliteBackend();
  await backend.setUp();
  cleanUps.push(() => backend.tearDown());
  return connectSqlite(backend.file!());
}

const post = async (server: BackendServer, referral = validReferral()) =>
  fetch(`${server.baseUrl}/api/v1/referrals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(await sealedSubmissionFor(server.intakeKey, referral)) });
const health = (server: BackendServer) => fetch(`${server.baseUrl}/api/v1/health`);

/** What a device is told when the database fails it: 503, Retry-After, problem+json — never a 500. */
async function expectUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await response.json()).toMatchObject({ status: 503, code: 'unavailable' });
}

describe('SQLite that cannot write', () => {
  it('answers 503 with Retry-After to a referral, and fails health, while the database is read-only', async () => {
    const connection = await sqliteConnection();
    let offset = 0;
    const server = await serve(connection, { now: () => new Date(Date.now() + offset) });
    expect((await health(server)).status).toBe(200);
    await sql`pragma query_only = on`.execute(connection.db);
    await expectUnavailable(await post(server));
    await expectUnavailable(await health(server));
    await sql`pragma query_only = off`.execute(connection.db);
    // A failed write is remembered a while (WRITE_FAILURE_MEMORY_MS), then health trusts its own write again.
    await expectUnavailable(await health(server));
    offset += WRITE_FAILURE_MEMORY_MS;
    expect((await health(server)).status).toBe(200);
    expect((await post(server)).status).toBe(201);
  });

  it('answers 503 to a referral the full database cannot take, and health says so though its own small write gets through', async () => {
    const connection = await sqliteConnection();
    const server = await serve(connection);
    expect((await post(server)).status).toBe(201);
    const [{ page_count: pages } = { page_count: 0 }] = (await sql<{ page_count: number }>`pragma page_count`.execute(connection.db)).rows;
    // SQLite refuses to grow past max_page_count as it would on a full disk: SQLITE_FULL.
    await sql.raw(`pragma max_page_count = ${pages}`).execute(connection.db);
    await expectUnavailable(await post(server, validReferral('adult-nrm', { requiredToDo: 'Washed cars. '.repeat(800) })));
    expect(await server.storage.canWrite()).toBe(true);
    await expectUnavailable(await health(server));
  });

  it('fails health when the disk holding the database has less free space than the server needs', async () => {
    const server = await serve(await sqliteConnection(), { minFreeDiskBytes: Number.MAX_SAFE_INTEGER });
    const response = await health(server);
    await expectUnavailable(response.clone());
    expect((await response.json()).title).toMatch(/disk is almost full/);
  });
});

describe('PostgreSQL that cannot write or cannot be reached', () => {
  let target: TestSchema | undefined;
  afterAll(async () => {
    await target?.drop();
  });
  const connectTo = (url: string, schema: string) => connectPostgres({ url, schema, poolMax: 2, onIdleClientError: () => undefined });

  it('answers 503 with Retry-After to a referral, and fails health, when the database takes no writes (a read-only role or a standby)', async () => {
    target = await freshTestSchema();
    await (await openStorage(connectTo(target.url, target.schema))).close();
    const readOnly = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c default_transaction_read_only=on')}`;
    const server = await serve(connectTo(readOnly, target.schema), { migrate: false });
    await expectUnavailable(await post(server));
    await expectUnavailable(await health(server));
    expect(await target.query('select count(*)::int as n from referrals')).toEqual([{ n: 0 }]);
  });

  it('answers 503 with Retry-After, never 500, to every kind of request while the database is stopped', async () => {
    const stopped = `postgres://postgres@127.0.0.1:${await freePort()}/test`;
    const server = await serve(connectTo(stopped, 'public'), { migrate: false });
    await expectUnavailable(await post(server));
    await expectUnavailable(await health(server));
    const signIn = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@example.org', password: 'a long passphrase' }) });
    await expectUnavailable(signIn);
    const signed = await fetch(`${server.baseUrl}/api/v1/receipts?since=2000-01-01T00:00:00Z&id=01900000-0000-7000-8000-000000000000`, {
      headers: { 'nrm-device': '01900000-0000-7000-8000-000000000000', 'nrm-timestamp': String(Date.now()), 'nrm-nonce': 'a'.repeat(22), 'nrm-signature': 'a'.repeat(86) },
    });
    await expectUnavailable(signed);
  });
});
