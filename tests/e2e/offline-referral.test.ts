import BetterSqlite3 from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_PATTERN } from '../../src/shared/reference-number.ts';
import { launchChromium } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function fillReferral(p: Page, caseLabel: string, account: string) {
  await p.getByRole('link', { name: 'Start a referral' }).click();
  await p.getByLabel('What is your own reference for this referral?').fill(caseLabel);
  await p.getByRole('button', { name: 'Continue' }).click();
  await p.getByLabel('18 or over').check();
  await p.getByRole('button', { name: 'Continue' }).click();
  await p.getByLabel('What happened to the person?').fill(account);
  await p.getByRole('button', { name: 'Continue' }).click();
  await p.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
}

describe('a referral taken offline', () => {
  it('loads from the cache with the network cut, queues, and is delivered exactly once when signal returns', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: 'Refer a potential victim of modern slavery' }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Refer a potential victim of modern slavery' }).waitFor();

    await fillReferral(page, 'OP-LANTERN-7', 'Worked at a car wash for no pay; passport held by the boss.');
    await page.getByRole('button', { name: 'Accept and send' }).click();
    await page.getByRole('heading', { name: 'Referral saved and queued' }).waitFor();

    await page.getByRole('link', { name: 'Go to your outbox' }).click();
    const item = page.getByTestId('outbox-item').filter({ hasText: 'OP-LANTERN-7' });
    await expect.poll(() => item.getAttribute('data-state')).toBe('queued');
    await expect.poll(() => page.getByTestId('status-line').innerText()).toMatch(/1 waiting/);

    await context.setOffline(false);
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    const reference = await item.getByTestId('outbox-reference').innerText();
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(await page.getByTestId('status-line').innerText()).toBe('All sent');

    const db = new BetterSqlite3(server.sqliteFile, { readonly: true });
    try {
      const rows = db.prepare('select id, reference, path from referrals').all() as { id: string; reference: string; path: string }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]?.reference).toBe(reference);
      expect(rows[0]?.path).toBe('adult-nrm');
    } finally {
      db.close();
    }
  });
});
