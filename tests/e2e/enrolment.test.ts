import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { openApp, outboxIdOf, showOutbox, storedReferrals, submitReferral, waitForServiceWorker } from '../support/field-app.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const run = promisify(execFile);
let server: RunningServer;
let browser: Browser;

/** The administrator's command line, against the same data folder as the running server. */
async function admin(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/server/admin-cli.ts', ...args], {
    env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' },
  });
  return stdout;
}

beforeAll(async () => {
  server = await startServer({ REQUIRE_DEVICE_SIGNATURES: 'true' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an enrolled device', () => {
  it('signs in once, enrols, sends signed referrals offline-first, and wipes itself when revoked', async () => {
    const demo = await admin('seed-demo');
    const [, email, password] = /responder\s+(\S+)\s+(.+)/.exec(demo) ?? [];
    expect(email).toBeDefined();

    const context = await browser.newContext();
    const page = await context.newPage();
    await openApp(page, server.baseUrl);
    await waitForServiceWorker(page);

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Work email address').fill(email!);
    await page.getByLabel('Password', { exact: true }).fill(password!.trim());
    await page.getByLabel('A name for this device').fill('Team 3 phone');
    await page.getByRole('button', { name: 'Sign in and enrol this device' }).click();
    await expect.poll(() => page.getByTestId('enrolment').innerText()).toMatch(/This device is enrolled/);

    await context.setOffline(true);
    await submitReferral(page, 'SIGNED-1', '18 or over', 'Sent from an enrolled device');
    await showOutbox(page);
    const id = await outboxIdOf(page, 'SIGNED-1');
    await context.setOffline(false);
    const item = page.getByTestId('outbox-item').filter({ hasText: 'SIGNED-1' });
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    expect(storedReferrals(server.sqliteFile).map((row) => row.id)).toContain(id);

    const devices = await admin('list-devices', '--email', email!);
    const deviceId = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(devices.split('\n').find((line) => line.includes('Team 3 phone')) ?? '')?.[1];
    expect(deviceId).toBeDefined();
    await admin('revoke-device', deviceId!);

    // The app may wipe itself before the confirmation page even shows: the server answers at once.
    await submitReferral(page, 'AFTER-REVOKE', 'Not sure', 'Should never leave the device', { awaitConfirmation: false });
    await page.getByRole('heading', { name: 'This device was wiped' }).waitFor({ timeout: 30_000 });
    await page.getByText('An administrator removed this device').waitFor();
    await page.getByRole('heading', { name: 'Protect this device' }).waitFor();
    await context.close();
  });
});
