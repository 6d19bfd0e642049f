import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { createAccountService } from '../../src/server/services/accounts.ts';
import { sessionResponseSchema } from '../../src/shared/accounts.ts';
import { caseDetailSchema } from '../../src/shared/casework/protocol.ts';
import { cookieFrom, createAccount, signIn } from '../support/accounts.ts';
import { fakeClock, sealedSubmissionFor, validReferral } from '../support/fixtures.ts';
import { startLoopbackServer, TEST_SCRYPT_COST, type LoopbackServer } from '../support/in-process-server.ts';

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const codeOf = async (response: Response) => ((await response.json()) as { code?: string }).code;

describe('first administrator, one-time codes, sign-in and sign-out', () => {
  let server: LoopbackServer;
  const accounts = () => createAccountService({ ...server.storage, now: () => new Date(), scryptCost: TEST_SCRYPT_COST });
  beforeAll(async () => {
    server = await startLoopbackServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('makes the first administrator with the setup code, once, and gives no code once there is one', async () => {
    const code = await accounts().issueSetupCode();
    expect(code).toBeDefined();
    const admin = { email: 'Chief.Admin@Example.org', password: 'a long passphrase nobody guesses' };
    const wrong = await fetch(`${server.baseUrl}/api/v1/setup`, json({ ...admin, token: 'x'.repeat(43) }));
    expect([wrong.status, await codeOf(wrong)]).toEqual([401, 'token-invalid']);
    const tooShort = await fetch(`${server.baseUrl}/api/v1/setup`, json({ ...admin, token: code?.token, password: 'short' }));
    expect([tooShort.status, await codeOf(tooShort)]).toEqual([400, 'bad-request']);
    expect((await fetch(`${server.baseUrl}/api/v1/setup`, json({ ...admin, token: code?.token }))).status).toBe(204);
    expect((await fetch(`${server.baseUrl}/api/v1/setup`, json({ ...admin, token: code?.token }))).status).toBe(401);
    expect(await accounts().issueSetupCode()).toBeUndefined();

    // A second code printed by another instance before the first was used no longer makes an administrator.
    const late = 'L'.repeat(43);
    await server.storage.accounts.createPasswordToken({ tokenHash: hashToken(late), purpose: 'setup', userId: null, createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const second = await fetch(`${server.baseUrl}/api/v1/setup`, json({ email: 'other@example.org', password: 'another long passphrase', token: late }));
    expect([second.status, await codeOf(second)]).toEqual([409, 'setup-done']);

    const session = sessionResponseSchema.parse(await (await fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie: await signIn(server.baseUrl, { ...admin, email: 'chief.admin@example.org' }) } })).json());
    expect(session.user).toMatchObject({ email: 'chief.admin@example.org', role: 'admin', organisation: { name: 'Service administration' } });
  });

  it('sets a password with a code once; a reset ends the old password and every session', async () => {
    await accounts().createOrganisation('Rivertown Council', 'test');
    const { code } = await accounts().createUser({ email: 'sam@rivertown.example', role: 'caseworker', organisation: 'Rivertown Council' }, 'test');
    const choose = (token: string, password = 'river stones and moss') => fetch(`${server.baseUrl}/api/v1/password`, json({ token, password }));
    expect((await choose('y'.repeat(43))).status).toBe(401);
    expect((await choose(code.token)).status).toBe(204);
    expect((await choose(code.token, 'a different password')).status).toBe(401);
    const cookie = await signIn(server.baseUrl, { email: 'sam@rivertown.example', password: 'river stones and moss' });

    const reset = await accounts().resetPassword('SAM@rivertown.example', 'test');
    expect((await fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie } })).status).toBe(401);
    const old = await fetch(`${server.baseUrl}/api/v1/session`, json({ email: 'sam@rivertown.example', password: 'river stones and moss' }));
    expect(old.status).toBe(401);
    expect((await choose(reset.code.token, 'a brand new passphrase')).status).toBe(204);
    await signIn(server.baseUrl, { email: 'sam@rivertown.example', password: 'a brand new passphrase' });
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const account = await createAccount(server, 'reviewer');
    const wrongPassword = await fetch(`${server.baseUrl}/api/v1/session`, json({ email: account.email, password: 'not the password' }));
    const unknown = await fetch(`${server.baseUrl}/api/v1/session`, json({ email: 'nobody@example.org', password: 'not the password' }));
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await unknown.json());
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('sets an HttpOnly, SameSite=Strict cookie for the API only, and signing out ends the session in the database', async () => {
    const account = await createAccount(server, 'responder');
    const response = await fetch(`${server.baseUrl}/api/v1/session`, json({ email: account.email, password: account.password }));
    const header = response.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/^nrm_session=[A-Za-z0-9_-]{43}; Path=\/api; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    const cookie = cookieFrom(response);
    expect((await fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie } })).status).toBe(200);
    const out = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^nrm_session=; Path=\/api; Max-Age=0/);
    const after = await fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie } });
    expect([after.status, await codeOf(after)]).toEqual([401, 'signed-out']);
  });
});

describe('Secure cookies', () => {
  it('marks the cookie Secure when the request came over TLS (through a trusted proxy) or when configured to', async () => {
    for (const [options, headers] of [
      [{ trustProxy: true }, { 'x-forwarded-proto': 'https' }],
      [{ secureCookies: 'always' as const }, {}],
    ] as const) {
      const server = await startLoopbackServer(options);
      try {
        const account = await createAccount(server, 'analyst');
        const response = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email: account.email, password: account.password }) });
        expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
      } finally {
        await server.close();
      }
    }
  });
});

describe('session expiry', () => {
  const clock = fakeClock();
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer({ now: clock.now });
  });
  afterAll(async () => {
    await server.close();
  });
  const whoAmI = (cookie: string) => fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie } }).then((response) => response.status);

  it('ends after 30 minutes without use', async () => {
    const cookie = await signIn(server.baseUrl, await createAccount(server, 'caseworker'));
    clock.advance(29 * 60_000);
    expect(await whoAmI(cookie)).toBe(200);
    clock.advance(29 * 60_000);
    expect(await whoAmI(cookie)).toBe(200);
    clock.advance(30 * 60_000 + 1);
    expect(await whoAmI(cookie)).toBe(401);
  });

  it('ends 12 hours after sign-in however much it is used', async () => {
    const cookie = await signIn(server.baseUrl, await createAccount(server, 'caseworker'));
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(20 * 60_000);
      expect(await whoAmI(cookie)).toBe(200);
    }
    clock.advance(20 * 60_000);
    expect(await whoAmI(cookie)).toBe(401);
  });
});

describe('sign-in rate limits', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer({ signInLimits: { perAccountAndAddress: { max: 3, windowMs: 60_000 }, perAddress: { max: 8, windowMs: 60_000 } } });
  });
  afterAll(async () => {
    await server.close();
  });
  const attempt = (email: string, password: string) => fetch(`${server.baseUrl}/api/v1/session`, json({ email, password }));

  it('refuses an account after too many attempts, even with the right password, with problem+json and Retry-After', async () => {
    const account = await createAccount(server, 'responder');
    for (let i = 0; i < 3; i += 1) expect((await attempt(account.email, 'guess number ' + i)).status).toBe(401);
    const limited = await attempt(account.email, account.password);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const body = await limited.json();
    expect(body).toMatchObject({ status: 429, code: 'rate-limited', title: 'Too many attempts' });
    expect(body.detail).toMatch(/Wait 1 minute, then try again/);
    // The limit is on that account: another one from the same address still signs in.
    await signIn(server.baseUrl, await createAccount(server, 'responder'));
  });

  it('refuses an address after too many attempts on any accounts', async () => {
    let status = 0;
    for (let i = 0; i < 8 && status !== 429; i += 1) status = (await attempt(`spray-${i}@example.org`, 'Winter2026!')).status;
    expect(status).toBe(429);
    const limited = await fetch(`${server.baseUrl}/api/v1/setup`, json({}));
    expect(limited.status).toBe(429);
  });
});

describe('cases', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    // Referrals sent unsigned, as the try-out allows from this machine: these tests are about the desk.
    server = await startLoopbackServer({ allowUnsignedFromLoopback: true });
  });
  afterAll(async () => {
    await server.close();
  });
  const send = async (ageGroup: 'child' | 'adult') => {
    const submission = await sealedSubmissionFor(server.intakeKey, validReferral(ageGroup === 'adult' ? 'adult-nrm' : 'child'));
    const response = await fetch(`${server.baseUrl}/api/v1/referrals`, json(submission));
    expect(response.status).toBe(201);
    return submission;
  };

  it('gives a caseworker the case with its referral opened, and records the read first', async () => {
    const submission = await send('adult');
    const caseworker = await createAccount(server, 'caseworker');
    const cookie = await signIn(server.baseUrl, caseworker);
    const response = await fetch(`${server.baseUrl}/api/v1/cases/${submission.id}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const body = caseDetailSchema.parse(await response.json());
    expect(body).toMatchObject({ id: submission.id, state: { path: 'adult-nrm', stage: 'rg-pending' }, answers: { path: 'adult-nrm', firstName: 'Arben' } });
    const user = await server.storage.accounts.findUserByEmail(caseworker.email);
    const entries = await server.storage.audit.entriesFor(submission.id);
    expect(entries).toEqual([{ at: expect.any(String), actor: user?.id, action: 'case-read', subject: submission.id }]);
    const missing = await fetch(`${server.baseUrl}/api/v1/cases/01900000-0000-7000-8000-000000000000`, { headers: { cookie } });
    expect([missing.status, await codeOf(missing)]).toEqual([404, 'not-found']);
  });
});
