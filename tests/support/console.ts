import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import type { Role } from '../../src/shared/accounts.ts';
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

/** `npm run demo` against this server: one account per role, with the passwords it prints once. */
export async function seedDemoAccounts(server: RunningServer): Promise<DemoAccounts> {
  const printed = await admin(server, 'seed-demo');
  const accounts: Partial<DemoAccounts> = {};
  for (const [, role, email, password] of printed.matchAll(/^\s+(responder|caseworker|reviewer|analyst|admin)\s+(\S+)\s+(\S+)\s*$/gm)) {
    accounts[role as Role] = { email: email!, password: password! };
  }
  if (Object.keys(accounts).length !== 5) throw new Error(`Could not read the demo accounts from:\n${printed}`);
  return accounts as DemoAccounts;
}

/** Opens the console and signs in through its form, as a person would. */
export async function signInToConsole(page: Page, baseUrl: string, account: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
}
