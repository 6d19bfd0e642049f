import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { pageById, walk } from '../../src/shared/form/journey.ts';
import type { Answers } from '../../src/shared/form/model.ts';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { fillForm, openCheckWithEverySectionShown, sendFromCheck, showOutbox, unlockOrSetUp } from '../support/field-app.ts';
import { adultEveryFork, examples } from '../support/referral-examples.ts';

const stack = useE2eStack();

/** Between them these visit every page of the form (the forks the examples do not take, too). */
const journeys = {
  child: examples.child,
  'adult-nrm': {
    ...adultEveryFork,
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

/** The violations found by one test, and how to report them at its end. */
function findings(page: Page) {
  const found: string[] = [];
  return {
    check: async (screen: string) => {
      found.push(...(await violations(page, screen)));
    },
    /** Soft: a step that found violations has still walked where it should, so the walk goes on. */
    expectNone: (what: string) => {
      console.log(`axe ${what}: ${found.length} violations${found.length ? `\n${found.join('\n')}` : ''}`);
      expect.soft(found).toEqual([]);
    },
  };
}

/**
 * Each journey's pages in stretches short enough for a test each on a loaded machine. A page checked
 * for the first time costs about four pages only answered (answered empty, analysed, then answered),
 * and the end of a journey (check your answers, send, confirmation) about eight. The form's own
 * tables (walk) only decide where a step stops; which pages are checked is decided as the app goes.
 */
const BUDGET = 28;
interface Stretch {
  path: keyof typeof journeys;
  answers: Answers;
  pageIds: string[];
  /** Where the stretch starts and ends in its journey, counted from 1. */
  from: number;
  to: number;
  of: number;
  last: boolean;
}
function stretches(): Stretch[] {
  const seen = new Set<string>();
  const out: Stretch[] = [];
  for (const [path, answers] of Object.entries(journeys) as [keyof typeof journeys, Answers][]) {
    const all = walk({ ...answers, caseLabel: `A11Y-${path}` }).done.map((def) => def.id);
    let start = 0;
    let cost = 0;
    const close = (end: number) => {
      out.push({ path, answers, pageIds: all.slice(start, end), from: start + 1, to: end, of: all.length, last: end === all.length });
      start = end;
      cost = 0;
    };
    for (const [index, id] of all.entries()) {
      const pageCost = (seen.has(id) ? 1 : 4) + (index === all.length - 1 ? 8 : 0);
      seen.add(id);
      if (index > start && cost + pageCost > BUDGET) close(index);
      cost += pageCost;
    }
    close(all.length);
  }
  return out;
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  // One walk per screen size, in one browser profile, in steps short enough that none comes near its
  // timeout: every page of the form is checked once per size, by the first journey that reaches it,
  // each first with its errors showing (Continue pressed with nothing answered), then as answered.
  for (const [name, width] of [['320 px', 320], ['desktop', 1280]] as const) {
    describe(`at ${name}`, () => {
      let context: BrowserContext;
      let page: Page;
      const pagesSeen = new Set<string>();
      const steps = walkInSteps();

      beforeAll(async () => {
        ({ context, page } = await stack.newPage({ viewport: { width, height: 800 } }));
      });

      afterAll(async () => {
        await context?.close();
      });

      steps.step('finds no violations on set up, with an error, and on the start page', async () => {
        const { check, expectNone } = findings(page);
        await page.goto(stack.server.baseUrl);
        await page.getByRole('heading', { name: 'Protect this device' }).waitFor();
        await page.getByRole('button', { name: 'Protect this device' }).click();
        await page.locator('.govuk-error-summary').waitFor();
        await check('set up, with an error');
        await unlockOrSetUp(page);
        await check('home');
        expectNone(`at ${name}, set up and home`);
      });

      const all = stretches();
      for (const [index, { path, answers, from, to, of, last }] of all.entries()) {
        const pages = from === to ? `page ${from}` : `pages ${from}–${to}`;
        steps.step(`finds no violations on ${pages} of ${of} of the ${path} journey${last ? ', its check your answers and its confirmation' : ''}`, async () => {
          const { check, expectNone } = findings(page);
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
          if (from === 1) {
            // As startAndFill starts a referral: in-app links only, a reload would lock the vault again.
            await page.getByRole('link', { name: 'NRM Field' }).click();
            await page.getByRole('link', { name: 'Start a referral' }).click();
            await page.waitForURL(/\/case-label$/);
          }
          const stopAt = last ? 'check' : all[index + 1]!.pageIds[0]!;
          await fillForm(page, { ...answers, caseLabel: `A11Y-${path}` }, { stopAt, onPage: everyPage });
          if (last) {
            await page.getByRole('heading', { name: /^Check your answers/ }).waitFor();
            await check(`check your answers (${path})`);
            await page.getByRole('link', { name: 'All sections' }).click();
            await page.getByTestId('task-list').waitFor();
            await check(`task list (${path})`);
            await openCheckWithEverySectionShown(page);
            await check(`check your answers, every section shown (${path})`);
            await sendFromCheck(page);
            await check(`confirmation (${path})`);
            console.log(`axe at ${name}: ${pagesSeen.size} pages of the form checked after the ${path} journey`);
          }
          expectNone(`at ${name}, ${path} journey, ${pages}`);
        });
      }

      steps.step('finds no violations on the type-ahead with suggestions, outbox, settings, wipe, unlock and quick hide', async () => {
        const { check, expectNone } = findings(page);
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
        expectNone(`at ${name}, other screens`);
      });
    });
  }
});
