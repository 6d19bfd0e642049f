import type { Page } from 'playwright-core';
import BetterSqlite3 from 'better-sqlite3';

export const PASSPHRASE = 'lantern harbour pebble';

/** Gets past the vault: sets it up on a new device, or unlocks it. */
export async function unlockOrSetUp(page: Page, passphrase = PASSPHRASE): Promise<void> {
  const setup = page.getByRole('heading', { name: 'Protect this device' });
  const unlock = page.getByRole('heading', { name: 'Unlock NRM Field' });
  await setup.or(unlock).waitFor();
  if (await setup.isVisible()) {
    await page.locator('#passphrase').fill(passphrase);
    await page.locator('#passphrase-again').fill(passphrase);
    await page.getByRole('button', { name: 'Protect this device' }).click();
  } else {
    await page.locator('#unlock-passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
  }
  await page.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 30_000 });
}

/** Opens a page of the app and gets past the vault. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await unlockOrSetUp(page);
}

/** Fills and submits the short referral from the start page, as a responder would. */
export async function submitReferral(
  page: Page,
  caseLabel: string,
  age: 'Under 18' | '18 or over' | 'Not sure',
  account: string,
  { awaitConfirmation = true }: { awaitConfirmation?: boolean } = {},
): Promise<void> {
  // In-app links only: a reload would lock the vault again.
  await page.getByRole('link', { name: 'NRM Field' }).click();
  await page.getByRole('link', { name: 'Start a referral' }).click();
  await page.getByLabel('What is your own reference for this referral?').fill(caseLabel);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(age).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('What happened to the person?').fill(account);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
  await page.getByRole('button', { name: 'Accept and send' }).click();
  if (awaitConfirmation) await page.getByRole('heading', { name: /Referral (saved and queued|sent)|needs your attention/ }).waitFor();
}

/** Opens the outbox from the header's status line, without reloading. */
export async function showOutbox(page: Page): Promise<void> {
  await page.getByTestId('status-line').getByRole('link').click();
  await page.getByRole('heading', { name: 'Outbox' }).waitFor();
}

export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** The rows the server stored, read straight from its SQLite file. */
export function storedReferrals(sqliteFile: string): { id: string; reference: string; path: string; schema_version: number }[] {
  const db = new BetterSqlite3(sqliteFile, { readonly: true });
  try {
    return db.prepare('select id, reference, path, schema_version from referrals order by received_at').all() as never;
  } finally {
    db.close();
  }
}

/** The id of the outbox item with this case label, as the outbox page shows it (labels are encrypted at rest). */
export async function outboxIdOf(page: Page, caseLabel: string): Promise<string> {
  const id = await page.getByTestId('outbox-item').filter({ hasText: caseLabel }).getAttribute('data-id');
  if (!id) throw new Error(`no outbox item ${caseLabel}`);
  return id;
}
