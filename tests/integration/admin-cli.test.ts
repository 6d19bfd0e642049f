import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountError, createAccountService } from '../../src/server/services/accounts.ts';
import { createDeviceService } from '../../src/server/services/devices.ts';
import { runAdminCommand, UsageError, type AdminDeps } from '../../src/server/admin-commands.ts';
import { cookieFrom, enrolDevice, signIn, signedFetch } from '../support/accounts.ts';
import { startLoopbackServer, TEST_SCRYPT_COST, type LoopbackServer } from '../support/in-process-server.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const run = promisify(execFile);
const SETUP_NOTICE = 'There is no administrator yet';
const CODE = /^ {2}([A-Za-z0-9_-]{43})$/m;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ STATIC_DIR: 'tests/support/app-shell-stub' });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** `npm run admin -- …` as an operator runs it: its own process, on the server's data folder. */
async function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _inherited, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/server/admin-cli.ts', ...args], { env: { ...env, DATA_DIR: server.dataDir } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('a fresh install', () => {
  it('has no password anywhere: the first start prints a one-time setup code, which makes the first administrator', async () => {
    const output = server.output();
    expect(output).toContain(SETUP_NOTICE);
    const token = CODE.exec(output)?.[1];
    const admin = { email: 'first.admin@example.org', password: 'the very first passphrase' };
    expect((await fetch(`${server.baseUrl}/api/v1/setup`, json({ ...admin, token }))).status).toBe(204);
    await signIn(server.baseUrl, admin);
  }, 30_000);
});

describe('npm run admin', () => {
  it('creates an organisation and a user who sets their own password with the printed code', async () => {
    expect(await admin('create-organisation', 'Eastshire', 'Police')).toMatchObject({ code: 0, stdout: expect.stringContaining('Created organisation "Eastshire Police"') });
    const created = await admin('create-user', '--email', 'Pat@Eastshire.example', '--role', 'responder', '--organisation', 'Eastshire Police');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created responder pat@eastshire.example');
    const token = CODE.exec(created.stdout)?.[1];
    expect((await fetch(`${server.baseUrl}/api/v1/password`, json({ token, password: 'pat chooses this one' }))).status).toBe(204);
    await signIn(server.baseUrl, { email: 'pat@eastshire.example', password: 'pat chooses this one' });
  }, 30_000);

  it('lists and revokes devices; the revoked device is refused at its next contact', async () => {
    const cookie = await signIn(server.baseUrl, { email: 'pat@eastshire.example', password: 'pat chooses this one' });
    const device = await enrolDevice(server.baseUrl, cookie, 'Pat’s phone');
    const listed = await admin('list-devices', '--email', 'pat@eastshire.example');
    expect(listed.stdout).toMatch(new RegExp(`${device.id}\\s+Pat’s phone\\s+pat@eastshire.example.*active`));
    expect(await admin('revoke-device', device.id)).toMatchObject({ code: 0 });
    const refused = await signedFetch(server.baseUrl, device, 'GET', `/api/v1/receipts?since=2000-01-01T00:00:00Z&id=${device.id}`);
    expect([refused.status, (await refused.json()).code]).toEqual([401, 'device-revoked']);
  }, 30_000);

  it('resets a password: the old one stops working and a new code sets another', async () => {
    const reset = await admin('reset-password', '--email', 'pat@eastshire.example');
    expect(reset.code).toBe(0);
    const old = await fetch(`${server.baseUrl}/api/v1/session`, json({ email: 'pat@eastshire.example', password: 'pat chooses this one' }));
    expect(old.status).toBe(401);
    expect((await fetch(`${server.baseUrl}/api/v1/password`, json({ token: CODE.exec(reset.stdout)?.[1], password: 'pat starts over again' }))).status).toBe(204);
  }, 30_000);

  it('seeds demo accounts, one per role, with passwords printed once — and only when asked', async () => {
    const seeded = await admin('seed-demo');
    expect(seeded.code).toBe(0);
    const rows = [...seeded.stdout.matchAll(/^ {2}(\w+)\s+(\S+@demo\.nrm-field\.invalid)\s+(\S+)$/gm)];
    expect(rows.map((row) => row[1])).toEqual(['responder', 'caseworker', 'reviewer', 'panel', 'analyst', 'admin']);
    const [, , email, password] = rows[2]!;
    const response = await fetch(`${server.baseUrl}/api/v1/session`, json({ email, password }));
    expect(response.status).toBe(200);
    expect(cookieFrom(response)).toMatch(/^nrm_session=/);
  }, 30_000);
});

describe('admin commands, in process', () => {
  let loopback: LoopbackServer;
  let deps: AdminDeps;
  beforeAll(async () => {
    loopback = await startLoopbackServer();
    const now = () => new Date();
    deps = {
      accounts: createAccountService({ ...loopback.storage, now, scryptCost: TEST_SCRYPT_COST }),
      devices: createDeviceService({ ...loopback.storage, now }),
      accountsStore: loopback.storage.accounts,
      publicUrl: 'https://nrm.example',
    };
    await runAdminCommand(['create-organisation', 'Westshire Police'], deps);
  });
  afterAll(async () => {
    await loopback.close();
  });

  it('refuses bad input: usage mistakes apart from what the accounts refuse', async () => {
    const usage = [[], ['launch'], ['--bogus'], ['create-user', '--email', 'x@example.org', '--role', 'superuser', '--organisation', 'Westshire Police'], ['create-user', '--role', 'analyst'], ['revoke-device']];
    for (const args of usage) await expect(runAdminCommand(args, deps), args.join(' ')).rejects.toBeInstanceOf(UsageError);
    const refusals = [
      ['create-organisation', 'Westshire Police'],
      ['create-user', '--email', 'a@example.org', '--role', 'analyst', '--organisation', 'Nowhere'],
      ['reset-password', '--email', 'nobody@example.org'],
      ['revoke-device', 'no-such-device'],
      ['list-devices', '--email', 'nobody@example.org'],
    ];
    for (const args of refusals) await expect(runAdminCommand(args, deps), args.join(' ')).rejects.toBeInstanceOf(AccountError);
  });

  it('prints a code with a ready request to the public address, and refuses a second account for one email', async () => {
    const output = await runAdminCommand(['create-user', '--email', 'lee@westshire.example', '--role', 'analyst', '--organisation', 'Westshire Police'], deps);
    expect(output).toContain('curl -X POST https://nrm.example/api/v1/password');
    await expect(runAdminCommand(['create-user', '--email', 'LEE@westshire.example', '--role', 'admin', '--organisation', 'Westshire Police'], deps)).rejects.toThrow(/already exists/);
  });

  it('seeds the demo accounts once', async () => {
    await runAdminCommand(['seed-demo'], deps);
    await expect(runAdminCommand(['seed-demo'], deps)).rejects.toThrow(/exist already/);
  });
});
