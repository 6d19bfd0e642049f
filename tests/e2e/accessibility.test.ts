import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageById } from '../../src/shared/form/journey.ts';
import { launchChromium } from '../support/browser.ts';
import { fillForm, sendFromCheck, showOutbox, startAndFill, unlockOrSetUp } from '../support/field-app.ts';
import { examples } from '../support/referral-examples.ts';
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

/** Between them these visit every page of the form (the forks the examples do not take, too). */
const journeys = {
  child: examples.child,
  'adult-nrm': {
    ...examples['adult-nrm'],
    multipleSituations: 'yes',
    exploitationDatesSeveral: 'Two situations: a car wash, then a farm.',
    stillExploited: 'yes',
    whatKeepsThem: 'Debt.',
    whereExploited: 'uk-and-overseas',
    countries: ['Albania', 'France'],
    exploitersLocationKnown: 'yes',
    exploitersInUk: 'yes',
    exploitersWhereabouts: 'Leeds.',
    fearReexploitation: 'yes',
    fearReasons: 'Still owes money.',
    decisionRecipient: 'someone-else',
    recipientBy: ['email'],
    recipientEmail: 'worker@example.org',
    recipientEmailSafe: 'yes',
    recipientPermission: 'yes',
  },
  'dtn-cooperating': examples['dtn-cooperating'],
};

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

      // Every page of every path, each first with its errors showing (Continue pressed with nothing
      // answered), then as answered; the type-ahead with its suggestions open.
      const pagesSeen = new Set<string>();
      const everyPage = async (pageId: string) => {
        if (pagesSeen.has(pageId)) return;
        pagesSeen.add(pageId);
        const asks = pageById(pageId)?.fields.some((field) => field.required && !field.shownWhen);
        if (!asks) {
          await check(pageId);
          return;
        }
        await page.getByRole('button', { name: 'Continue' }).click();
        await page
          .locator('.govuk-error-summary')
          .waitFor()
          .catch((error: unknown) => {
            throw new Error(`${pageId} showed no errors for empty answers`, { cause: error });
          });
        await check(`${pageId}, with errors`);
      };
      for (const [path, answers] of Object.entries(journeys)) {
        await startAndFill(page, { ...answers, caseLabel: `A11Y-${path}` }, everyPage);
        await check(`check your answers (${path})`);
        await sendFromCheck(page);
        await check(`confirmation (${path})`);
      }
      console.log(`axe at ${name}: ${pagesSeen.size} pages of the form checked`);
      await page.getByRole('link', { name: 'NRM Field' }).click();
      await page.getByRole('link', { name: 'Start a referral' }).click();
      await page.waitForURL(/\/case-label$/);
      await fillForm(page, { ...journeys.child, caseLabel: 'A11Y-typeahead' }, { stopAt: 'organisation' });
      await page.locator('#organisation').fill('pol');
      await page.getByRole('option').first().waitFor();
      await check('type-ahead with suggestions');
      await showOutbox(page);
      await check('outbox');
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
