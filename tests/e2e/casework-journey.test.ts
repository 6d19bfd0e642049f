import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect } from 'vitest';
import { CASEWORK_PATHS } from '../../src/shared/casework/protocol.ts';
import { seedDemoAccounts, signInToConsole, type DemoAccounts } from '../support/console.ts';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { openApp, showOutbox, submitReferral, unlockOrSetUp, waitForServiceWorker } from '../support/field-app.ts';

// TEST_CLOCK lets the walk move the server 30 days on, past the recovery period; it exists only on loopback.
const stack = useE2eStack({ env: { TEST_CLOCK: 'true' } });
let accounts: DemoAccounts;
let field: Page;
let desk: Page;
let reference = '';
let caseUrl = '';

beforeAll(async () => {
  accounts = await seedDemoAccounts(stack.server);
});

async function noAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function signInAs(role: 'caseworker' | 'reviewer'): Promise<Page> {
  const { page } = await stack.newPage({ viewport: { width: 1280, height: 900 } });
  await signInToConsole(page, stack.server.baseUrl, accounts[role]);
  return page;
}

/** Opens the case, takes an action by its button, fills the form and waits for the confirmation. */
async function act(page: Page, button: string, fill: () => Promise<void>, submit: string): Promise<void> {
  await page.goto(caseUrl);
  await page.getByTestId('case-summary').waitFor();
  await page.locator('a.govuk-button', { hasText: button }).click();
  await page.getByRole('button', { name: submit }).waitFor();
  await fill();
  await page.getByRole('button', { name: submit }).click();
  await page.locator('.govuk-panel').waitFor();
}

async function outboxProgress(): Promise<string> {
  await field.reload();
  await unlockOrSetUp(field);
  await showOutbox(field);
  const item = field.getByTestId('outbox-item').filter({ hasText: 'OP-DESK-1' });
  await item.waitFor();
  const progress = item.getByTestId('outbox-progress');
  return (await progress.count()) > 0 ? progress.innerText() : '';
}

describe('a referral worked at the desk, its decision back on the phone', () => {
  const { step } = walkInSteps();

  step('is sent from the field app offline, then delivered when signal returns', async () => {
    const opened = await stack.newPage({ viewport: 'phone' });
    field = opened.page;
    await openApp(field, stack.server.baseUrl);
    await field.getByRole('heading', { name: 'Refer a potential victim of modern slavery' }).waitFor();
    await waitForServiceWorker(field);
    await opened.context.setOffline(true);
    await submitReferral(field, 'OP-DESK-1', '18 or over', 'Washed cars for no pay; the boss kept his passport and said he owed £8,000.');
    await field.getByRole('heading', { name: 'Referral saved and queued' }).waitFor();
    await field.getByRole('link', { name: 'Go to your outbox' }).click();
    const item = field.getByTestId('outbox-item').filter({ hasText: 'OP-DESK-1' });
    await opened.context.setOffline(false);
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    reference = await item.getByTestId('outbox-reference').innerText();
  });

  step('appears in the caseworker’s queue, found by its reference typed any way', async () => {
    desk = await signInAs('caseworker');
    await desk.goto(`${stack.server.baseUrl}/console/cases?reference=${encodeURIComponent(reference.toLowerCase().replace('-', ' '))}`);
    const link = desk.getByRole('link', { name: reference });
    await link.waitFor();
    await noAxeViolations(desk);
    await link.click();
    await desk.getByTestId('case-summary').waitFor();
    caseUrl = desk.url();
    await noAxeViolations(desk);
  });

  step('reads without accessibility faults at 320 px: queue, case and a decision form', async () => {
    const { context, page } = await stack.newPage({ viewport: { width: 320, height: 700 } });
    await signInToConsole(page, stack.server.baseUrl, accounts.caseworker);
    await noAxeViolations(page);
    await page.goto(caseUrl);
    await page.getByTestId('case-summary').waitFor();
    await noAxeViolations(page);
    await page.goto(`${caseUrl}/act/take`);
    await page.getByRole('button', { name: 'Take case' }).waitFor();
    await noAxeViolations(page);
    await context.close();
  });

  step('is taken and given a negative reasonable grounds decision, which is only proposed', async () => {
    await act(desk, 'Take this case', async () => undefined, 'Take case');
    await act(
      desk,
      'Make reasonable grounds decision',
      async () => {
        await noAxeViolations(desk);
        await desk.getByLabel('Negative', { exact: true }).check();
        await desk.getByLabel(/No indicators of modern slavery/).check();
        await desk.getByLabel('Reasons in your own words').fill('Hard work for low pay, with no sign of threats or control.');
      },
      'Make decision',
    );
    expect(await outboxProgress()).toBe('Received by the decision unit');
  });

  step('is marked as county lines from the case, the summary says so, and the mark comes off again', async () => {
    const countyLines = () => desk.getByTestId('case-summary').locator('.govuk-summary-list__row', { hasText: 'County lines' }).locator('dd').innerText();
    await desk.goto(caseUrl);
    await desk.getByTestId('case-summary').waitFor();
    expect(await countyLines()).toBe('Not marked');
    await act(
      desk,
      'Mark as county lines',
      async () => {
        await noAxeViolations(desk);
        await desk.getByLabel('Yes, county lines').check();
        await desk.getByLabel(/What in the referral shows it/).fill('Sent to sell drugs in Margate from a London deal line.');
      },
      'Save',
    );
    expect(await desk.locator('.govuk-panel__title').innerText()).toBe('Marked as county lines');
    await desk.goto(caseUrl);
    await desk.getByTestId('case-summary').waitFor();
    expect(await countyLines()).toBe('Marked as county lines');
    await act(
      desk,
      'Change the county lines mark',
      async () => {
        await desk.getByLabel(/No, not county lines/).check();
        await desk.getByLabel(/What in the referral shows it/).fill('Read again: the work was at one car wash, no drugs.');
      },
      'Save',
    );
    expect(await desk.locator('.govuk-panel__title').innerText()).toBe('County lines mark taken off');
  });

  step('goes back to the caseworker when a reviewer disagrees', async () => {
    const reviewer = await signInAs('reviewer');
    await act(
      reviewer,
      'Review this decision',
      async () => {
        await reviewer.getByLabel(/No, I disagree/).check();
        await reviewer.getByLabel('Comment').fill('The passport held and the debt are indicators: decide again.');
      },
      'Save review',
    );
    await reviewer.context().close();
  });

  step('is decided positive, and the field app’s outbox says so', async () => {
    await act(
      desk,
      'Make reasonable grounds decision',
      async () => {
        await desk.getByLabel('Positive', { exact: true }).check();
        await desk.getByLabel(/Indicators of modern slavery are present/).check();
        await desk.getByLabel('Reasons in your own words').fill('Document retention and debt bondage, with a consistent account.');
      },
      'Make decision',
    );
    await expect.poll(outboxProgress, { timeout: 20_000 }).toMatch(/^Reasonable grounds: positive, \d{1,2} \w+ \d{4}$/);
  });

  step('takes a conclusive grounds decision once the clock is 30 days on', async () => {
    const moved = await desk.evaluate(async (path) => (await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ days: 31 }) })).status, CASEWORK_PATHS.testClock);
    expect(moved).toBe(200);
    await act(
      desk,
      'Make conclusive grounds decision',
      async () => {
        await desk.getByLabel('Positive', { exact: true }).check();
        await desk.getByLabel(/The elements of the definition are met/).check();
        await desk.getByLabel('Reasons in your own words').fill('On the balance of probabilities he is a victim of labour exploitation.');
      },
      'Make decision',
    );
    await expect.poll(outboxProgress, { timeout: 20_000 }).toMatch(/^Conclusive grounds: positive/);
  });
});
