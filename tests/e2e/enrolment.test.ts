import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { admin } from '../support/console.ts';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { openApp, outboxIdOf, showOutbox, storedReferrals, submitReferral, waitForServiceWorker } from '../support/field-app.ts';

const stack = useE2eStack({ signatures: true });

describe('an enrolled device', () => {
  describe('signs in once, enrols, sends signed referrals offline-first, and wipes itself when revoked', () => {
    // One walk on one device, in steps (see walkInSteps).
    let context: BrowserContext;
    let page: Page;
    let email: string | undefined;
    const walk = walkInSteps();

    beforeAll(async () => {
      ({ context, page } = await stack.newPage());
    });

    afterAll(async () => {
      await context?.close();
    });

    walk.step('signs in once and enrols', async () => {
      const { server } = stack;
      const demo = await admin(server, 'seed-demo');
      const [, found, password] = /responder\s+(\S+)\s+(.+)/.exec(demo) ?? [];
      email = found;
      expect(email).toBeDefined();

      // The first run ends with signing the device in, since this server takes only enrolled devices' referrals.
      await openApp(page, server.baseUrl);
      await page.getByRole('heading', { name: 'Sign this device in' }).waitFor();
      await page.getByText(/Until this device is signed in, referrals you make wait on it/).waitFor();
      await waitForServiceWorker(page);

      await page.getByLabel('Work email address').fill(email!);
      await page.getByLabel('Password', { exact: true }).fill(password!.trim());
      await page.getByLabel('A name for this device').fill('Team 3 phone');
      await page.getByRole('button', { name: 'Sign in and enrol this device' }).click();
      await expect.poll(() => page.getByTestId('enrolment').innerText(), { timeout: 20_000 }).toMatch(/This device is enrolled/);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: /^Refer a potential victim/ }).waitFor();
    });

    walk.step('sends a signed referral taken offline when signal returns', async () => {
      await context.setOffline(true);
      await submitReferral(page, 'SIGNED-1', '18 or over', 'Sent from an enrolled device');
      await showOutbox(page);
      const id = await outboxIdOf(page, 'SIGNED-1');
      await context.setOffline(false);
      const item = page.getByTestId('outbox-item').filter({ hasText: 'SIGNED-1' });
      await expect.poll(() => item.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
      expect(storedReferrals(stack.server.sqliteFile).map((row) => row.id)).toContain(id);
    });

    walk.step('wipes itself when an administrator revokes it', async () => {
      const { server } = stack;
      const devices = await admin(server, 'list-devices', '--email', email!);
      const deviceId = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(devices.split('\n').find((line) => line.includes('Team 3 phone')) ?? '')?.[1];
      expect(deviceId).toBeDefined();
      await admin(server, 'revoke-device', deviceId!);

      // The app may wipe itself before the confirmation page even shows: the server answers at once.
      await submitReferral(page, 'AFTER-REVOKE', 'Not sure', 'Should never leave the device', { awaitConfirmation: false });
      await page.getByRole('heading', { name: 'This device was wiped' }).waitFor({ timeout: 30_000 });
      await page.getByText('An administrator removed this device').waitFor();
      await page.getByRole('heading', { name: 'Protect this device' }).waitFor();
    });
  });
});
