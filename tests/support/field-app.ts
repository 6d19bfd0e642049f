import type { Page } from 'playwright-core';
import BetterSqlite3 from 'better-sqlite3';

/** Fills and submits the short referral from the start page, as a responder would. */
export async function submitReferral(page: Page, caseLabel: string, age: 'Under 18' | '18 or over' | 'Not sure', account: string): Promise<void> {
  await page.getByRole('link', { name: 'Start a referral' }).click();
  await page.getByLabel('What is your own reference for this referral?').fill(caseLabel);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(age).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('What happened to the person?').fill(account);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
  await page.getByRole('button', { name: 'Accept and send' }).click();
  await page.getByRole('heading', { name: /Referral (saved and queued|sent)|needs your attention/ }).waitFor();
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

/** The id of the outbox item with this case label, read from the device's own database. */
export function outboxIdOf(page: Page, caseLabel: string): Promise<string> {
  return page.evaluate(
    (label) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('nrm-field');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('outbox').objectStore('outbox').getAll();
          request.onsuccess = () => {
            const row = (request.result as { id: string; caseLabel: string }[]).find((r) => r.caseLabel === label);
            open.result.close();
            if (row) resolve(row.id);
            else reject(new Error(`no outbox item ${label}`));
          };
        };
      }),
    caseLabel,
  );
}
