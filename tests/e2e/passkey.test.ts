import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect } from 'vitest';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { PASSPHRASE, fillForm, openApp } from '../support/field-app.ts';
import { examples } from '../support/referral-examples.ts';
import { readEverythingStored } from '../support/stored-data.ts';

const stack = useE2eStack({ page: { viewport: 'phone' } });

/** Typed into the draft: none of it may be readable in what the device stores, whichever way it was unlocked. */
const SECRETS = ['PASSKEY-7731', 'Marguerite Holloway', '07700 900612', 'cellar of the Anchor Mill'];

async function expectNothingReadable(page: Page, what: string): Promise<string> {
  const stored = await readEverythingStored(page);
  expect(stored, what).toContain('[nrm-field/drafts: 1]');
  for (const secret of SECRETS) expect(stored, `${what}: ${secret}`).not.toContain(secret);
  return stored;
}

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

/** The vault row's unlock counters and whether it holds a passkey's wrapped key, read from IndexedDB. */
function vaultRow(page: Page): Promise<{ failedAttempts: number; passkey: boolean }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('nrm-field');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('vault').objectStore('vault').get('device');
          request.onsuccess = () => {
            const row = request.result as { failedAttempts: number; passkey?: unknown };
            open.result.close();
            resolve({ failedAttempts: row.failedAttempts, passkey: row.passkey !== undefined });
          };
        };
      }),
  );
}

const passkeyButton = (page: Page) => page.getByRole('button', { name: 'Unlock with fingerprint or face' });
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/field-screenshots/${name}-360.png`, fullPage: true });

async function lock(page: Page) {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('heading', { name: 'Unlock NRM Field' }).waitFor();
}

async function unlockByPassphrase(page: Page) {
  await page.locator('#unlock-passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 30_000 });
}

async function openSettings(page: Page) {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Unlock with fingerprint or face' }).waitFor();
}

describe('unlocking with a passkey (WebAuthn PRF), the passphrase kept as the fallback', () => {
  const walk = walkInSteps();
  let cdp: CDPSession;
  let authenticatorId: string;

  beforeAll(async () => {
    // A phone's fingerprint reader, as Chromium's virtual authenticator with the PRF (hmac-secret) extension.
    cdp = await stack.context.newCDPSession(stack.page);
    await cdp.send('WebAuthn.enable');
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true },
    }));
  });

  walk.step('sets up fingerprint or face unlock in Settings with the passphrase', async () => {
    const { page } = stack;
    // WebAuthn takes a domain, never an IP address, as the passkey's relying party.
    await openApp(page, stack.server.baseUrl.replace('127.0.0.1', 'localhost'));
    await page.getByRole('link', { name: 'Start a referral' }).click();
    await page.waitForURL(/\/case-label$/);
    await fillForm(page, { ...examples['adult-nrm'], caseLabel: 'PASSKEY-7731' }, { stopAt: 'situations' });
    await page.getByLabel('How did the exploitation start?').fill('Marguerite Holloway (07700 900612) was held in the cellar of the Anchor Mill.');
    await page.getByText(/Saved on this device/).waitFor();

    await openSettings(page);
    const setting = page.getByTestId('passkey-setting');
    await expectNoAxeViolations(page, 'settings, passkey offered');
    await setting.scrollIntoViewIfNeeded();
    await shot(page, 'passkey-settings-offered');

    await setting.getByRole('button', { name: 'Set up fingerprint or face unlock' }).click();
    await setting.getByText('Enter your passphrase').first().waitFor();
    await setting.getByLabel('Your passphrase').fill('not my passphrase');
    await setting.getByRole('button', { name: 'Set up fingerprint or face unlock' }).click();
    await setting.getByText('Your passphrase is not right').first().waitFor();
    await expectNoAxeViolations(page, 'settings, passkey set-up with an error');
    expect(await vaultRow(page)).toEqual({ failedAttempts: 0, passkey: false });

    await setting.getByLabel('Your passphrase').fill(PASSPHRASE);
    await setting.getByRole('button', { name: 'Set up fingerprint or face unlock' }).click();
    await setting.getByText('Fingerprint or face unlock is on.').waitFor();
    await setting.getByText(/Fingerprint or face unlock is on for this device \(since/).waitFor();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
    expect(await vaultRow(page)).toEqual({ failedAttempts: 0, passkey: true });
    await expectNoAxeViolations(page, 'settings, passkey on');
    await shot(page, 'passkey-settings-on');
    await expectNothingReadable(page, 'after setting up the passkey');
  });

  walk.step('unlocks with the passkey, to the same data key', async () => {
    const { page } = stack;
    await lock(page);
    await passkeyButton(page).waitFor();
    await expectNoAxeViolations(page, 'unlock with the passkey button');
    await shot(page, 'passkey-unlock');
    await passkeyButton(page).click();
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 30_000 });
    // The draft saved under the passphrase opens with the key the passkey unwrapped.
    await page.getByRole('link', { name: 'NRM Field' }).click();
    await page.getByText('PASSKEY-7731').first().waitFor();
    await expectNothingReadable(page, 'after unlocking with the passkey');
  });

  walk.step('still unlocks with the passphrase', async () => {
    const { page } = stack;
    await lock(page);
    await passkeyButton(page).waitFor();
    await unlockByPassphrase(page);
    await page.getByText('PASSKEY-7731').first().waitFor();
    await expectNothingReadable(page, 'after unlocking with the passphrase');
  });

  walk.step('does not count a refused passkey as a wrong passphrase', async () => {
    const { page } = stack;
    await lock(page);
    // The reader does not recognise the finger. (The passkey's last use here: in our runs Chromium's
    // virtual authenticator refused the requests that followed a refused one.)
    await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
    await passkeyButton(page).click();
    await page.getByText(/did not unlock NRM Field/).first().waitFor();
    expect(await vaultRow(page)).toEqual({ failedAttempts: 0, passkey: true });
    await expect(page.getByText(/tries left/).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'unlock after a refused passkey');
    await shot(page, 'passkey-unlock-refused');
    await unlockByPassphrase(page);
    await expectNothingReadable(page, 'after a refused passkey');
  });

  walk.step('turns it off: the wrapped key is gone, and the unlock screen offers the passphrase only', async () => {
    const { page } = stack;
    await openSettings(page);
    const setting = page.getByTestId('passkey-setting');
    await setting.getByRole('button', { name: 'Turn off fingerprint or face unlock' }).click();
    await setting.getByText(/Fingerprint or face unlock is off. The passkey named “NRM Field” is still on this phone/).waitFor();
    expect(await vaultRow(page)).toEqual({ failedAttempts: 0, passkey: false });
    await expectNoAxeViolations(page, 'settings, passkey turned off');
    await shot(page, 'passkey-settings-off');

    await lock(page);
    await page.locator('#unlock-passphrase').waitFor();
    await expect(passkeyButton(page).count()).resolves.toBe(0);
    await unlockByPassphrase(page);
    await expectNothingReadable(page, 'after turning the passkey off');
  });
});
