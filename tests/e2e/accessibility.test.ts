import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { showOutbox, submitReferral, unlockOrSetUp } from '../support/field-app.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function violations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`);
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const [name, width] of [['320 px', 320], ['desktop', 1280]] as const) {
    it(`finds no violations on any screen at ${name}`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const found: string[] = [];
      const check = async (screen: string) => found.push(...(await violations(page, screen)));

      await page.goto(server.baseUrl);
      await page.getByRole('heading', { name: 'Protect this device' }).waitFor();
      await page.getByRole('button', { name: 'Protect this device' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await check('set up, with an error');
      await unlockOrSetUp(page);
      await check('home');

      await page.getByRole('link', { name: 'Start a referral' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await check('case label, with an error');
      await page.getByLabel('What is your own reference for this referral?').fill('A11Y-1');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await check('age, with an error');
      await page.getByLabel('Under 18').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('What happened to the person?').fill('x'.repeat(15_010));
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await check('account, too long');
      await page.getByLabel('What happened to the person?').fill('Made to sell drugs on a county line.');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Check your answers before sending' }).waitFor();
      await check('check your answers');
      await page.getByRole('button', { name: 'Accept and send' }).click();
      await page.getByRole('heading', { name: /Referral (sent|saved and queued)/ }).waitFor();
      await check('confirmation');
      await showOutbox(page);
      await check('outbox');
      await submitReferral(page, 'A11Y-2', 'Not sure', 'Second referral');
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByRole('heading', { name: 'Settings and safety' }).waitFor();
      await check('settings');
      await page.getByRole('link', { name: 'Wipe this device' }).click();
      await page.getByRole('heading', { name: 'Wipe everything on this device?' }).waitFor();
      await check('wipe');
      await page.getByRole('link', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Lock' }).click();
      await page.locator('#unlock-passphrase').fill('wrong passphrase');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await check('unlock, wrong passphrase');
      await page.keyboard.press('Escape');
      await page.getByRole('heading', { name: 'Notes' }).waitFor();
      await check('quick hide');

      console.log(`axe at ${name}: ${found.length} violations${found.length ? `\n${found.join('\n')}` : ''}`);
      expect(found).toEqual([]);
      await context.close();
    });
  }
});
