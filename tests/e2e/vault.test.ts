import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eStack } from '../support/e2e-stack.ts';
import { readEverythingStored } from '../support/stored-data.ts';
import { PASSPHRASE, fillForm, openApp, showOutbox, storedReferrals, submitReferral, unlockOrSetUp, waitForServiceWorker } from '../support/field-app.ts';
import { examples } from '../support/referral-examples.ts';

const stack = useE2eStack();

/** Typed by the test, and from the full example answers (the person's name, council and responder details). */
const SEEDED = ['Anneliese Brightwater', '07700 900457', 'locked basement of the Plough Inn', 'ZEBRA-4412', 'Tobias Quennell', '07700 900981', 'OTTER-7730', 'Hoxha', 'childrens.duty@example.gov.uk', 'Okafor', 'tattoo of an eagle'];

/** A draft left half-way, with `account` typed into how the exploitation started. */
async function fillDraft(page: Page, label: string, account: string) {
  await page.getByRole('link', { name: 'NRM Field' }).click();
  await page.getByRole('link', { name: 'Start a referral' }).click();
  await page.waitForURL(/\/case-label$/);
  await fillForm(page, { ...examples['adult-nrm'], caseLabel: label }, { stopAt: 'situations' });
  await page.getByLabel('How did the exploitation start?').fill(account);
  await page.getByText(/Saved on this device/).waitFor();
}

describe('the device vault', () => {
  it('sets up on a 360 × 640 phone with the button in view, the passphrase shown on request and what it protects behind a details', async () => {
    const { context, page } = await stack.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(stack.server.baseUrl);
    await page.getByRole('heading', { name: 'Protect this device' }).waitFor();
    const button = await page.getByRole('button', { name: 'Protect this device' }).boundingBox();
    expect(button!.y + button!.height, 'the button’s bottom edge, in px from the top').toBeLessThanOrEqual(640);
    const protects = page.getByText(/^Everything you type is encrypted/);
    expect(await protects.isVisible()).toBe(false);
    await page.getByText('What this protects').click();
    await protects.waitFor();

    const passphrase = page.locator('#passphrase');
    await passphrase.fill(PASSPHRASE);
    expect(await passphrase.getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Show passphrase' }).first().click();
    expect(await passphrase.getAttribute('type')).toBe('text');
    await page.getByText('Your passphrase is visible').waitFor({ state: 'attached' });
    // Sending the form hides it again (here refused: not yet typed twice), so the browser never keeps it as plain text.
    await page.getByRole('button', { name: 'Protect this device' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await passphrase.getAttribute('type')).toBe('password');
    await page.locator('#passphrase-again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Protect this device' }).click();
    await page.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Lock' }).click();
    const unlock = page.locator('#unlock-passphrase');
    await unlock.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Show passphrase' }).click();
    expect(await unlock.getAttribute('type')).toBe('text');
    await page.getByRole('button', { name: 'Hide passphrase' }).click();
    expect(await unlock.getAttribute('type')).toBe('password');
    await context.close();
  });

  it('leaves nothing readable in IndexedDB or the caches, and keeps nothing after delivery', async () => {
    const { context, page } = await stack.newPage();
    await openApp(page, stack.server.baseUrl);
    await waitForServiceWorker(page);
    await context.setOffline(true);

    await fillDraft(page, 'ZEBRA-4412', 'Anneliese Brightwater, phone 07700 900457, was kept in the locked basement of the Plough Inn.');
    await submitReferral(page, 'OTTER-7730', 'Under 18', 'Tobias Quennell (07700 900981) sold cannabis for a county line.');
    const stored = await readEverythingStored(page);
    expect(stored).toContain('[nrm-field/drafts: 2]');
    expect(stored).toContain('[nrm-field/envelopes: 1]');
    for (const secret of SEEDED) expect(stored, secret).not.toContain(secret);

    await context.setOffline(false);
    await showOutbox(page);
    await expect.poll(() => page.getByTestId('outbox-item').filter({ hasText: 'OTTER-7730' }).getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    const after = await readEverythingStored(page);
    expect(after).toContain('[nrm-field/drafts: 1]');
    expect(after).toContain('[nrm-field/envelopes: 0]');
    const row = storedReferrals(stack.server.sqliteFile).at(-1);
    expect(row?.path).toBe('child');
    await context.close();
  });

  it('locks itself after the idle time and opens again with the passphrase', async () => {
    const { context, page } = await stack.newPage();
    await page.clock.install();
    await openApp(page, stack.server.baseUrl);
    await page.clock.fastForward('04:00');
    await expect(page.getByRole('button', { name: 'Lock' }).isVisible()).resolves.toBe(true);
    await page.clock.fastForward('01:30');
    await page.getByRole('heading', { name: 'Unlock NRM Field' }).waitFor();
    await unlockOrSetUp(page);
    await page.getByRole('heading', { name: 'Refer a potential victim of modern slavery' }).waitFor();
    await context.close();
  });

  it('hides at once on Escape behind a neutral screen', async () => {
    const { context, page } = await stack.newPage();
    await openApp(page, stack.server.baseUrl);
    await fillDraft(page, 'HIDE-1', 'Someone dangerous just walked in');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Notes' }).waitFor();
    expect(await page.title()).toBe('Notes');
    const visible = await page.locator('body').innerText();
    expect(visible).not.toContain('dangerous');
    expect(visible).not.toMatch(/NRM|referral|slavery/i);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Unlock NRM Field' }).waitFor();
    await context.close();
  });

  it('delays after wrong passphrases, warns before the last tries, and wipes the device after ten', async () => {
    const { context, page } = await stack.newPage();
    await page.clock.install();
    await openApp(page, stack.server.baseUrl);
    await fillDraft(page, 'WRONG-1', 'Kept for the wipe test');
    await page.getByRole('button', { name: 'Lock' }).click();

    const tryWrong = async (n: number) => {
      await page.locator('#unlock-passphrase').fill(`wrong guess ${n}`);
      await page.getByRole('button', { name: 'Unlock' }).click();
    };
    for (let n = 1; n <= 2; n += 1) {
      await tryWrong(n);
      await page.getByText(`${10 - n} tries left`).first().waitFor();
    }
    await tryWrong(3);
    await page.getByText('Wait 5 seconds').first().waitFor();
    await page.locator('#unlock-passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(/Too many wrong tries. Wait \d seconds/).first().waitFor();

    for (let n = 4; n <= 9; n += 1) {
      await page.clock.fastForward('05:01');
      await tryWrong(n);
      await page.getByText(`${10 - n} ${10 - n === 1 ? 'try' : 'tries'} left`).first().waitFor();
    }
    await page.getByText('Warning: after 1 more wrong try, everything on this device will be wiped').waitFor();
    await page.clock.fastForward('05:01');
    await tryWrong(10);
    await page.getByRole('heading', { name: 'Protect this device' }).waitFor({ timeout: 30_000 });
    const stored = await readEverythingStored(page);
    expect(stored).not.toContain('[nrm-field/drafts: 1]');
    expect(stored).not.toContain('nrm-field/vault: 1');
    await context.close();
  });

  it('wipes everything from Settings after one confirmation, warning about what is unsent', async () => {
    const { context, page } = await stack.newPage();
    await openApp(page, stack.server.baseUrl);
    // Offline use starts once the service worker holds the app (the first visit caches every screen).
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await submitReferral(page, 'UNSENT-1', 'Not sure', 'Still waiting to be sent');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'Wipe this device' }).click();
    await expect.poll(() => page.getByTestId('wipe-unsent').innerText()).toBe('1 referral has not been sent yet and will be lost.');
    await page.getByRole('button', { name: 'Yes, wipe everything' }).click();
    await page.getByRole('heading', { name: 'Protect this device' }).waitFor({ timeout: 30_000 });
    const stored = await readEverythingStored(page);
    expect(stored).not.toContain('[nrm-field/outbox: 1]');
    await context.close();
  });
});
