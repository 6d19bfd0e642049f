import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../src/shared/accounts.ts';
import { createAccount, type TestAccount } from '../support/accounts.ts';
import { startOnBackend, type BackendServer } from '../support/backend-server.ts';
import { postgresBackend, sqliteBackend, type Backend } from '../support/storage-backends.ts';

const OWNER_ADDRESS = '198.51.100.4';
const ATTACKER_ADDRESS = '203.0.113.7';

describe.each([sqliteBackend(), postgresBackend()])('sign-in throttling on $name', (backend: Backend) => {
  let server: BackendServer;
  beforeAll(async () => {
    await backend.setUp();
    server = await startOnBackend(backend, {
      // The test's requests come through "a proxy" on loopback, which says whom each is from.
      trustProxy: ['127.0.0.1'],
      signInLimits: { perAccountAndAddress: { max: 3, windowMs: 60_000 }, perAddress: { max: 12, windowMs: 60_000 } },
    });
  });
  afterAll(async () => {
    await server?.close();
    await backend.tearDown();
  });

  const attempt = (from: string, email: string, password: string) =>
    fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ email, password }) });

  it('stops guessing from one address without locking the owner out from theirs', async () => {
    const owner = await createAccount(server, 'caseworker');
    for (let i = 0; i < 3; i += 1) expect((await attempt(ATTACKER_ADDRESS, owner.email, `guess ${i}`)).status).toBe(401);
    const stopped = await attempt(ATTACKER_ADDRESS, owner.email, owner.password);
    expect(stopped.status).toBe(429);
    expect(Number(stopped.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt(OWNER_ADDRESS, owner.email, owner.password)).status).toBe(200);
  });

  it('keeps a looser limit per address, across accounts', async () => {
    const from = '192.0.2.55';
    let status = 0;
    let tries = 0;
    for (; tries < 13 && status !== 429; tries += 1) status = (await attempt(from, `someone-${tries}@example.org`, 'Winter2026!')).status;
    expect([status, tries]).toEqual([429, 13]);
  });

  it('tells the account holder, as they next sign in, how often someone failed to sign in as them, and since when', async () => {
    const owner: TestAccount = await createAccount(server, 'reviewer');
    const first = sessionResponseSchema.parse(await (await attempt(OWNER_ADDRESS, owner.email, owner.password)).json());
    expect(first.failedSignIns).toBeUndefined();
    for (const from of [ATTACKER_ADDRESS, ATTACKER_ADDRESS, '192.0.2.99']) expect((await attempt(from, owner.email, 'not the password')).status).toBe(401);
    const next = sessionResponseSchema.parse(await (await attempt(OWNER_ADDRESS, owner.email, owner.password)).json());
    expect(next.failedSignIns?.count).toBe(3);
    const user = await server.storage.accounts.findUserByEmail(owner.email);
    const audit = await server.storage.audit.entriesFor(user!.id);
    const signIns = audit.filter((entry) => entry.action === 'sign-in');
    expect(next.failedSignIns?.since).toBe(signIns[0]?.at);
    expect(audit.filter((entry) => entry.action === 'sign-in-failed')).toHaveLength(3);
    // Told once: the sign-in after that has nothing new to tell.
    const after = sessionResponseSchema.parse(await (await attempt(OWNER_ADDRESS, owner.email, owner.password)).json());
    expect(after.failedSignIns).toBeUndefined();
  });

  it('keeps the counters under a keyed hash, which cannot be reversed by hashing every address', async () => {
    const rows = await backend.rows('select key from rate_limit_counters');
    expect(rows.length).toBeGreaterThan(0);
    const plain = [`sign-in address ${ATTACKER_ADDRESS}`, `sign-in address ${OWNER_ADDRESS}`].map((key) => createHash('sha256').update(key).digest());
    const plainForms = plain.flatMap((digest) => [digest.toString('hex'), digest.toString('base64url')]);
    for (const { key } of rows) expect(plainForms).not.toContain(key);
  });
});
