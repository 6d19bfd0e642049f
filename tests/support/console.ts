import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { roles, type Role } from '../../src/shared/accounts.ts';
import type { RunningServer } from './server-process.ts';

const run = promisify(execFile);

/** The administrator's command line, against the same data folder as the running server. */
export async function admin(server: RunningServer, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/server/admin-cli.ts', ...args], {
    env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' },
  });
  return stdout;
}

export type DemoAccounts = Record<Role, { email: string; password: string }>;

/** `npm run admin seed-demo` against this server: one account per role, with the passwords it prints once. */
export async function seedDemoAccounts(server: RunningServer): Promise<DemoAccounts> {
  return demoAccountsFrom(await admin(server, 'seed-demo'));
}

/**
 * `npm run demo` against this server's (fresh) data folder: the demo accounts and a few hundred
 * made-up referrals worked to every stage. `env` as the server was started with (INDEPENDENT_REVIEW).
 */
export async function seedDemoCases(server: RunningServer, env: Record<string, string> = {}): Promise<DemoAccounts> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/server/demo-cli.ts'], {
    env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '', ...env },
    maxBuffer: 1024 * 1024,
  });
  return demoAccountsFrom(stdout);
}

function demoAccountsFrom(printed: string): DemoAccounts {
  const accounts: Partial<DemoAccounts> = {};
  for (const [, role, email, password] of printed.matchAll(/^\s+(responder|caseworker|reviewer|panel|analyst|admin)\s+(\S+)\s+(\S+)\s*$/gm)) {
    accounts[role as Role] = { email: email!, password: password! };
  }
  if (Object.keys(accounts).length !== roles.length) throw new Error(`Could not read the demo accounts from:\n${printed}`);
  return accounts as DemoAccounts;
}

/**
 * Opens the console and signs in through its form, as a person would. Each role lands on its own
 * work (the queue for case readers, the figures for analysts, the account page otherwise).
 */
export async function signInToConsole(page: Page, baseUrl: string, account: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.waitForURL((url) => url.pathname !== '/console/');
}

/** Opens "Your account" from the console's navigation. */
export async function openAccount(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Your account' }).click();
  await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
}
