import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeKeyResponseSchema } from '../../src/shared/protocol.ts';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { sealedPreviousSubmissionFor } from '../support/fixtures.ts';
import { seedDemoAccounts } from '../support/console.ts';
import { enrolOnDevice, openApp, outboxIdOf, showOutbox, storedReferrals, submitReferral, unlockOrSetUp, waitForServiceWorker } from '../support/field-app.ts';

const stack = useE2eStack({ proxy: true });

const stateOf = (page: Page, caseLabel: string) =>
  page.getByTestId('outbox-item').filter({ hasText: caseLabel }).getAttribute('data-state');

describe('sync in the browser', () => {
  describe('with two tabs open, sends each referral exactly once', () => {
    // One walk in one browser profile, in steps (see walkInSteps).
    const labels = ['TABS-1', 'TABS-2', 'TABS-3'];
    let context: BrowserContext;
    let tabA: Page;
    let tabB: Page;
    const walk = walkInSteps();

    beforeAll(async () => {
      ({ context, page: tabA } = await stack.newPage());
      tabB = await context.newPage();
    });

    afterAll(async () => {
      stack.proxy.cutApi(false);
      await context?.close();
    });

    walk.step('opens the app in two tabs, and loses signal', async () => {
      const { proxy } = stack;
      await openApp(tabA, proxy.url);
      await waitForServiceWorker(tabA);
      await openApp(tabB, `${proxy.url}/outbox`);

      // Headless Chromium throttles the page that is not in front; the one being typed into is.
      await tabA.bringToFront();
      proxy.cutApi(true);
    });

    for (const label of labels) {
      walk.step(`queues ${label} in the tab in front`, async () => {
        await submitReferral(tabA, label, '18 or over', `Account for ${label}`);
      });
    }

    walk.step('sends each once when signal returns for both tabs at once', async () => {
      const { proxy } = stack;
      await showOutbox(tabA);
      const ids = await Promise.all(labels.map((label) => outboxIdOf(tabA, label)));

      proxy.cutApi(false);
      // Signal returns for both tabs (and the service worker) at once: every sender wakes together.
      await context.setOffline(true);
      await context.setOffline(false);
      for (const tab of [tabA, tabB]) {
        for (const label of labels) await expect.poll(() => stateOf(tab, label), { timeout: 30_000 }).toBe('delivered');
      }
      const posts = proxy.postsById();
      expect(ids.map((id) => posts.get(id))).toEqual([1, 1, 1]);
    });
  });

  it('loses and doubles nothing when the page is reloaded while a referral is being sent', async () => {
    const { server, proxy } = stack;
    const { context, page } = await stack.newPage();
    await openApp(page, proxy.url);
    await waitForServiceWorker(page);

    proxy.holdPosts(true);
    await submitReferral(page, 'RELOAD-1', 'Not sure', 'Reload during sending');
    await showOutbox(page);
    await expect.poll(() => stateOf(page, 'RELOAD-1')).toBe('sending');
    const id = await outboxIdOf(page, 'RELOAD-1');

    await page.reload();
    await unlockOrSetUp(page);
    await expect.poll(() => proxy.postsById().get(id) ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    proxy.holdPosts(false);
    await expect.poll(() => stateOf(page, 'RELOAD-1'), { timeout: 30_000 }).toBe('delivered');
    expect(storedReferrals(server.sqliteFile).filter((row) => row.id === id)).toHaveLength(1);
    await context.close();
  });

  it('delivers a referral queued by the previous app version, after the update, once the device is enrolled', async () => {
    const { server, proxy } = stack;
    const accounts = await seedDemoAccounts(server);
    const { context, page } = await stack.newPage();
    // A page of the same origin that does not start the app, to lay down the old version's database.
    await page.goto(`${proxy.url}/robots.txt`);
    // Sealed by version 2 of the app (age and one account) to the server's key, as that version did.
    const intakeKey = intakeKeyResponseSchema.parse(await (await fetch(`${server.baseUrl}/api/v1/intake-key`)).json());
    const oldBody = await sealedPreviousSubmissionFor(intakeKey, { path: 'adult-nrm', ageGroup: 'adult', account: 'Queued by version 2 of the app' });
    const id = oldBody.id;
    await page.evaluate((oldBody) => {
      const oldId = oldBody.id;
      return new Promise<void>((resolve, reject) => {
        // Dexie's version 1 is IndexedDB version 10, with these stores and indexes.
        const open = indexedDB.open('nrm-field', 10);
        open.onupgradeneeded = () => {
          const drafts = open.result.createObjectStore('drafts', { keyPath: 'id' });
          drafts.createIndex('updatedAt', 'updatedAt');
          const outbox = open.result.createObjectStore('outbox', { keyPath: 'id' });
          outbox.createIndex('state', 'state');
          outbox.createIndex('nextAttemptAt', 'nextAttemptAt');
          outbox.put({ id: oldId, caseLabel: 'OLD-VERSION-1', state: 'queued', createdAt: oldBody.submittedAt, updatedAt: oldBody.submittedAt, submission: oldBody, attempts: 3, nextAttemptAt: 0 });
        };
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      });
    }, oldBody);

    await openApp(page, `${proxy.url}/outbox`);
    // The previous version is taken only from an enrolled device: unsigned, it waits for the responder to sign in on it.
    await expect.poll(() => stateOf(page, 'OLD-VERSION-1'), { timeout: 30_000 }).toBe('paused');
    await enrolOnDevice(page, accounts.responder);
    await showOutbox(page);
    await expect.poll(() => stateOf(page, 'OLD-VERSION-1'), { timeout: 30_000 }).toBe('delivered');
    expect(storedReferrals(server.sqliteFile).find((row) => row.id === id)).toMatchObject({ schema_version: 2, path: 'adult-nrm' });
    await context.close();
  });

  it('sends from the service worker (Background Sync) when signal returns with the app closed', async () => {
    const { server, proxy } = stack;
    const { context, page } = await stack.newPage();
    await openApp(page, proxy.url);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await submitReferral(page, 'BACKGROUND-1', 'Under 18', 'Sent by the service worker');
    await showOutbox(page);
    const id = await outboxIdOf(page, 'BACKGROUND-1');
    await page.close();

    await context.setOffline(false);
    await expect.poll(() => storedReferrals(server.sqliteFile).some((row) => row.id === id), { timeout: 30_000 }).toBe(true);

    const again = await context.newPage();
    await openApp(again, `${proxy.url}/outbox`);
    await expect.poll(() => stateOf(again, 'BACKGROUND-1'), { timeout: 30_000 }).toBe('delivered');
    await context.close();
  });
});
