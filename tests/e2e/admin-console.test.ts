import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { seedDemoAccounts, signInToConsole, type DemoAccounts } from '../support/console.ts';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { openApp, outboxIdOf, showOutbox, storedReferrals, submitReferral, waitForServiceWorker } from '../support/field-app.ts';

// Device signatures are required (the server's default): the field app signs once enrolled.
const stack = useE2eStack();
let accounts: DemoAccounts;

beforeAll(async () => {
  accounts = await seedDemoAccounts(stack.server);
});

/** axe-core's WCAG 2.2 AA rules and its best practices, as the other console walks check them. */
async function violations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`);
}

/** Opens the responder's page from Users, by finding their email (which never goes in an address). */
async function openPerson(page: Page, email: string): Promise<void> {
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await page.getByTestId('users').waitFor();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByTestId('user-details').waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/console\/admin\/users\/[0-9a-f-]{36}$/);
}

describe('the administrator’s console', () => {
  describe('revokes a lost phone from the console, and the phone wipes itself at its next contact', () => {
    const walk = walkInSteps();
    let field: { context: BrowserContext; page: Page };
    let desk: { context: BrowserContext; page: Page };
    let queuedId = '';

    beforeAll(async () => {
      field = await stack.newPage({ viewport: 'phone' });
      desk = await stack.newPage({ viewport: 'desktop' });
    });
    afterAll(async () => {
      await field?.context.close();
      await desk?.context.close();
    });

    walk.step('the field app is enrolled, and holds a referral queued offline in its vault', async () => {
      const { page, context } = field;
      await openApp(page, stack.server.baseUrl);
      await waitForServiceWorker(page);
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByLabel('Work email address').fill(accounts.responder.email);
      await page.getByLabel('Password', { exact: true }).fill(accounts.responder.password);
      await page.getByLabel('A name for this device').fill('Team 3 phone');
      await page.getByRole('button', { name: 'Sign in and enrol this device' }).click();
      await expect.poll(() => page.getByTestId('enrolment').innerText(), { timeout: 20_000 }).toMatch(/This device is enrolled/);

      await context.setOffline(true);
      await submitReferral(page, 'LOST-PHONE-1', '18 or over', 'Held on the phone when it was lost');
      await showOutbox(page);
      queuedId = await outboxIdOf(page, 'LOST-PHONE-1');
      expect(await page.getByTestId('outbox-item').filter({ hasText: 'LOST-PHONE-1' }).getAttribute('data-state')).toBe('queued');
    });

    walk.step('an administrator finds the phone’s owner and revokes it, after saying yes', async () => {
      const { page } = desk;
      await signInToConsole(page, stack.server.baseUrl, accounts.admin);
      await page.getByTestId('users').waitFor();
      await openPerson(page, accounts.responder.email);
      const row = page.getByTestId('device').filter({ hasText: 'Team 3 phone' });
      await expect.poll(() => row.innerText()).toMatch(/Active/);
      await row.getByRole('button', { name: 'Revoke Team 3 phone' }).click();
      await page.getByRole('heading', { name: 'Revoke Team 3 phone?' }).waitFor();
      // Focus moves to the heading just after it renders.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Revoke Team 3 phone?');
      await page.getByRole('button', { name: 'Yes, revoke this device' }).click();
      await page.getByText('Team 3 phone is revoked. It wipes itself the next time it contacts the server.').waitFor();
      await expect.poll(() => row.innerText()).toMatch(/Revoked/);
      expect(await row.getByRole('button').count()).toBe(0);
    });

    walk.step('the phone, back in signal, is refused, wipes everything, and says why; its referral never arrived', async () => {
      const { page, context } = field;
      await context.setOffline(false);
      // Its next contact: the app tries its outbox when signal returns.
      await page.evaluate(() => dispatchEvent(new Event('online')));
      await page.getByRole('heading', { name: 'This device was wiped' }).waitFor({ timeout: 30_000 });
      await page.getByText('An administrator removed this device').waitFor();
      await page.getByRole('heading', { name: 'Protect this device' }).waitFor();
      expect(storedReferrals(stack.server.sqliteFile).map((row) => row.id)).not.toContain(queuedId);
      // What the app keeps, read straight from IndexedDB: no queued or sealed referral, draft or device key is left.
      const left = await page.evaluate(
        () =>
          new Promise<number | string>((resolve) => {
            setTimeout(() => resolve('IndexedDB did not answer'), 10_000);
            const opening = indexedDB.open('nrm-field');
            opening.onerror = () => resolve(String(opening.error));
            opening.onsuccess = () => {
              const db = opening.result;
              const stores = ['outbox', 'envelopes', 'drafts', 'device'].filter((name) => db.objectStoreNames.contains(name));
              if (stores.length === 0) return resolve(0);
              const transaction = db.transaction(stores);
              const counts = stores.map((name) => transaction.objectStore(name).count());
              transaction.oncomplete = () => {
                db.close();
                resolve(counts.reduce((sum, count) => sum + count.result, 0));
              };
            };
          }),
      );
      expect(left).toBe(0);
    });

    walk.step('the audit log shows who revoked it', async () => {
      const { page } = desk;
      await page.getByRole('link', { name: 'Audit log', exact: true }).click();
      await page.getByTestId('audit-log').waitFor();
      await page.getByLabel('What').selectOption({ label: 'Revoked a device' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/action=device-revoked/);
      const first = page.getByTestId('audit-log').locator('tbody tr').first();
      await expect.poll(() => first.innerText()).toMatch(/admin@demo\.nrm-field\.invalid[\s\S]*Revoked a device[\s\S]*Device: Team 3 phone/);
    });
  });

  describe('every administration screen has no accessibility faults, at desk and phone widths', () => {
    for (const width of [1280, 320] as const) {
      describe(`at ${width} px`, () => {
        const walk = walkInSteps();
        let opened: { context: BrowserContext; page: Page };
        let code = '';
        let reset = '';
        const found: string[] = [];
        const check = async (screen: string) => {
          found.push(...(await violations(opened.page, `${screen} at ${width} px`)));
        };

        beforeAll(async () => {
          opened = await stack.newPage({ viewport: { width, height: 800 } });
        });
        afterAll(async () => {
          await opened?.context.close();
          console.log(`axe at ${width} px: ${found.length} violations${found.length ? `\n${found.join('\n')}` : ''}`);
        });

        walk.step('users, finding nobody, a person, and "are you sure?"', async () => {
          const { page } = opened;
          await signInToConsole(page, stack.server.baseUrl, accounts.admin);
          await page.getByTestId('users').waitFor();
          await check('users');
          await page.getByRole('button', { name: 'Find' }).click();
          await page.locator('.govuk-error-summary').waitFor();
          await check('users, find with an error');
          await openPerson(page, accounts.analyst.email);
          await check('a person');
          await page.getByRole('button', { name: 'Disable account' }).click();
          await page.getByRole('heading', { name: 'Disable this account?' }).waitFor();
          await check('a person, confirming');
          await page.getByRole('button', { name: 'Cancel' }).click();
          expect.soft(found).toEqual([]);
        });

        walk.step('invite, with errors, then the one-time code; a reset gives another', async () => {
          const { page } = opened;
          await page.getByRole('link', { name: 'Users', exact: true }).click();
          await page.getByRole('button', { name: 'Invite a person' }).click();
          await page.getByRole('heading', { name: 'Invite a person' }).waitFor();
          await page.locator('#invite').click();
          await page.locator('.govuk-error-summary').waitFor();
          await check('invite, with errors');
          await page.getByLabel('Email address').fill(`new.analyst.${width}@demo.nrm-field.invalid`);
          await page.getByLabel('Analyst', { exact: true }).check();
          await page.getByLabel('Organisation').selectOption({ label: 'Demo organisation' });
          await page.locator('#invite').click();
          await page.getByRole('heading', { name: 'Account made' }).waitFor();
          code = await page.getByTestId('one-time-code').innerText();
          expect(code).toMatch(/^[A-Za-z0-9_-]{40,}$/);
          await check('one-time code');
          await page.getByRole('link', { name: 'Go to this person' }).click();
          await page.getByTestId('user-details').waitFor();
          await page.getByRole('button', { name: 'Reset password' }).click();
          await page.getByRole('button', { name: 'Yes, reset password' }).click();
          await page.getByRole('heading', { name: 'Password reset' }).waitFor();
          reset = await page.getByTestId('one-time-code').innerText();
          expect(reset).not.toBe(code);
          expect.soft(found).toEqual([]);
        });

        walk.step('the audit log, with errors; then the person sets their password with the code, signed out', async () => {
          const { page } = opened;
          await page.getByRole('link', { name: 'Audit log', exact: true }).click();
          await page.getByTestId('audit-log').waitFor();
          await check('audit log');
          // On a phone the filters are folded away above the entries: open them first.
          if (!(await page.locator('details.app-filters').evaluate((details) => (details as HTMLDetailsElement).open))) await page.locator('details.app-filters summary').click();
          await page.locator('#filter-from').fill('31');
          await page.locator('#filter-from-month').fill('2');
          await page.locator('#filter-from-year').fill('2026');
          await page.getByRole('button', { name: 'Apply filters' }).click();
          await page.locator('.govuk-error-summary').waitFor();
          await check('audit log, with errors');

          await page.getByRole('button', { name: 'Sign out' }).click();
          await page.getByRole('link', { name: 'Set your password' }).click();
          await page.getByRole('heading', { name: 'Set your password' }).waitFor();
          await check('set password');
          await page.getByLabel('One-time code').fill(code);
          await page.getByLabel('New password').fill('a passphrase of my very own');
          await page.getByRole('button', { name: 'Set password' }).click();
          // The first code stopped working when the password was reset.
          await page.getByText('This code does not work').first().waitFor();
          await check('set password, code refused');
          await page.getByLabel('One-time code').fill(reset);
          await page.getByLabel('New password').fill('a passphrase of my very own');
          await page.getByRole('button', { name: 'Set password' }).click();
          await page.getByRole('heading', { name: 'Your password is set' }).waitFor();
          await check('password set');
          expect(found).toEqual([]);
        });
      });
    }
  });

  describe('a password reset holds the person’s phone until they sign in again on it', () => {
    const walk = walkInSteps();
    let field: { context: BrowserContext; page: Page };
    let desk: { context: BrowserContext; page: Page };
    let code = '';
    const password = 'a brand new passphrase for the phone';

    beforeAll(async () => {
      field = await stack.newPage({ viewport: 'phone' });
      desk = await stack.newPage({ viewport: 'desktop' });
    });
    afterAll(async () => {
      await field?.context.close();
      await desk?.context.close();
    });

    walk.step('an enrolled phone; the administrator resets its owner’s password and is shown the code once', async () => {
      const { page } = field;
      await openApp(page, stack.server.baseUrl);
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByLabel('Work email address').fill(accounts.responder.email);
      await page.getByLabel('Password', { exact: true }).fill(accounts.responder.password);
      await page.getByLabel('A name for this device').fill('Team 4 phone');
      await page.getByRole('button', { name: 'Sign in and enrol this device' }).click();
      await expect.poll(() => page.getByTestId('enrolment').innerText(), { timeout: 20_000 }).toMatch(/This device is enrolled/);

      await signInToConsole(desk.page, stack.server.baseUrl, accounts.admin);
      await openPerson(desk.page, accounts.responder.email);
      await desk.page.getByRole('button', { name: 'Reset password' }).click();
      await desk.page.getByRole('button', { name: 'Yes, reset password' }).click();
      code = await desk.page.getByTestId('one-time-code').innerText();
      await desk.page.getByRole('link', { name: 'Go to this person' }).click();
      const row = desk.page.getByTestId('device').filter({ hasText: 'Team 4 phone' });
      await desk.page.getByText('Password reset. They have been signed out').waitFor();
      await expect.poll(() => row.innerText()).toMatch(/Waiting for sign-in/);
    });

    walk.step('the phone’s referral waits, and the app says why and what to do', async () => {
      const { page } = field;
      await submitReferral(page, 'AFTER-RESET-1', '18 or over', 'Sent after the password was reset', { awaitConfirmation: false });
      await page.getByRole('link', { name: 'NRM Field' }).click();
      await showOutbox(page);
      const item = page.getByTestId('outbox-item').filter({ hasText: 'AFTER-RESET-1' });
      await expect.poll(() => item.getAttribute('data-state'), { timeout: 30_000 }).toBe('paused');
      await item.getByText('Your account has been disabled or reset; sign in again on this device (Settings)').waitFor();
    });

    walk.step('with a new password, signing in again on the phone sends what waited', async () => {
      await desk.page.getByRole('button', { name: 'Sign out' }).click();
      await desk.page.getByRole('link', { name: 'Set your password' }).click();
      await desk.page.getByLabel('One-time code').fill(code);
      await desk.page.getByLabel('New password').fill(password);
      await desk.page.getByRole('button', { name: 'Set password' }).click();
      await desk.page.getByRole('heading', { name: 'Your password is set' }).waitFor();

      const { page } = field;
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      // Open already: something is waiting for the sign-in.
      await page.getByLabel('Work email address').fill(accounts.responder.email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in again on this device' }).click();
      await page.getByTestId('signed-in-again').waitFor({ timeout: 20_000 });
      expect((await violations(page, 'settings, signed in again')).join('\n')).toBe('');
      await showOutbox(page);
      const item = page.getByTestId('outbox-item').filter({ hasText: 'AFTER-RESET-1' });
      await expect.poll(() => item.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    });
  });
});
