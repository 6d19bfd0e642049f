import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect } from 'vitest';
import { seedDemoAccounts, signInToConsole, type DemoAccounts } from '../support/console.ts';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { enrolOnDevice, openApp, outboxIdOf, showOutbox, submitReferral, unlockOrSetUp, waitForServiceWorker } from '../support/field-app.ts';

// Additions are always signed: the phone is enrolled, as a responder's is.
const stack = useE2eStack({ signatures: true });
let accounts: DemoAccounts;
let field: Page;
let fieldContext: BrowserContext;
let desk: Page;
let caseUrl = '';
let referralId = '';

/** Kept for people to look at (test-results is not committed): each new screen at phone width. */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/field-screenshots/${name}-360.png`, fullPage: true });

const QUESTION = 'Where did he sleep, and who drove him to the car wash each day?';
const ANSWER = 'In a caravan behind the car wash. The boss’s nephew drove him there at 6 every morning.';

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

async function act(page: Page, button: string, fill: () => Promise<void>, submit: string): Promise<void> {
  await page.goto(caseUrl);
  await page.getByTestId('case-summary').waitFor();
  await page.locator('a.govuk-button', { hasText: button }).click();
  await page.getByRole('button', { name: submit }).waitFor();
  await fill();
  await page.getByRole('button', { name: submit }).click();
  await page.locator('.govuk-panel').waitFor();
}

/** The referral's card in the outbox after a reload (which asks the server for news). */
async function outboxItem(): Promise<Locator> {
  await field.reload();
  await unlockOrSetUp(field);
  await showOutbox(field);
  const item = field.getByTestId('outbox-item').filter({ hasText: 'OP-ASK-1' });
  await item.waitFor();
  return item;
}

/** The case as the desk's API gives it: its stage and the history's actions. */
async function caseNow(): Promise<{ stage: string; actions: string[]; answers: unknown[] }> {
  return desk.evaluate(async (id) => {
    const body = (await (await fetch(`/api/v1/cases/${id}`)).json()) as { state: { stage: string }; events: { action: string; detail: Record<string, unknown> | null }[] };
    return { stage: body.state.stage, actions: body.events.map((event) => event.action), answers: body.events.filter((event) => event.action === 'answer-information').map((event) => event.detail) };
  }, referralId);
}

describe('the responder answers the decision unit and asks for reconsideration from the field app', () => {
  const { step } = walkInSteps();

  step('sends a referral, which a caseworker takes and asks more information about', async () => {
    const opened = await stack.newPage({ viewport: 'phone' });
    field = opened.page;
    fieldContext = opened.context;
    await openApp(field, stack.server.baseUrl);
    await field.getByRole('heading', { name: 'Refer a potential victim of modern slavery' }).waitFor();
    await waitForServiceWorker(field);
    await enrolOnDevice(field, accounts.responder);
    await submitReferral(field, 'OP-ASK-1', '18 or over', 'Washed cars for no pay; the boss kept his passport and said he owed £8,000.');
    await field.getByRole('link', { name: 'Go to your outbox' }).click();
    const item = field.getByTestId('outbox-item').filter({ hasText: 'OP-ASK-1' });
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    referralId = await outboxIdOf(field, 'OP-ASK-1');
    const reference = await item.getByTestId('outbox-reference').innerText();

    desk = await signInAs('caseworker');
    await desk.goto(`${stack.server.baseUrl}/console/cases?reference=${encodeURIComponent(reference)}`);
    await desk.getByRole('link', { name: reference }).click();
    await desk.getByTestId('case-summary').waitFor();
    caseUrl = desk.url();
    await act(desk, 'Take this case', async () => undefined, 'Take case');
    await act(desk, 'Ask for more information', () => desk.getByLabel('What information is needed, and from whom?').fill(QUESTION), 'Record request');
  });

  step('shows the question on the phone and takes the answer offline, then delivers it once when signal returns', async () => {
    await expect.poll(async () => (await outboxItem()).getByTestId('outbox-question').count(), { timeout: 20_000 }).toBe(1);
    const item = field.getByTestId('outbox-item').filter({ hasText: 'OP-ASK-1' });
    expect(await item.getByTestId('outbox-question').innerText()).toBe(QUESTION);
    expect(await item.getByTestId('outbox-progress').innerText()).toMatch(/^More information asked for, \d{1,2} \w+ \d{4}$/);
    await shot(field, 'outbox-question');

    await fieldContext.setOffline(true);
    await item.getByRole('link', { name: 'Answer the decision unit' }).click();
    await field.getByRole('heading', { name: 'Answer the decision unit' }).waitFor();
    expect(await field.getByTestId('addition-question').innerText()).toContain(QUESTION);
    await noAxeViolations(field);
    await field.getByRole('button', { name: 'Seal and send answer' }).click();
    await field.locator('.govuk-error-summary').getByText('Write your answer').waitFor();
    await shot(field, 'answer-error');
    await field.getByLabel('Your answer').fill(ANSWER);
    await field.getByRole('button', { name: 'Seal and send answer' }).click();
    const addition = field.getByTestId('outbox-item').filter({ hasText: 'OP-ASK-1' }).getByTestId('outbox-addition');
    await addition.waitFor();
    expect(await addition.getAttribute('data-state')).toMatch(/^(queued|sending)$/);

    await fieldContext.setOffline(false);
    await expect.poll(() => addition.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    expect(await addition.innerText()).toMatch(/^Received by the decision unit/);
    await shot(field, 'outbox-answered');
    const now = await caseNow();
    expect(now.stage).toBe('rg-pending');
    expect(now.answers).toEqual([{ answer: ANSWER }]);
    await desk.goto(caseUrl);
    await desk.getByTestId('case-summary').waitFor();
    await desk.getByRole('heading', { name: 'Decisions and history' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await desk.screenshot({ path: 'test-results/field-screenshots/case-history-with-answer-1280.png' });
  });

  step('asks for reconsideration of a served negative decision, offline then online', async () => {
    await act(
      desk,
      'Make reasonable grounds decision',
      async () => {
        await desk.getByLabel('Negative', { exact: true }).check();
        await desk.getByLabel(/No indicators of modern slavery/).check();
        await desk.getByLabel('Reasons in your own words').fill('Hard work for low pay, with no sign of threats or control.');
      },
      'Make decision',
    );
    const reviewer = await signInAs('reviewer');
    await act(reviewer, 'Review this decision', () => reviewer.getByLabel(/Yes, I agree/).check(), 'Save review');
    await reviewer.context().close();

    const reconsider = async () => (await outboxItem()).getByRole('link', { name: 'Ask for a reconsideration' }).count();
    await expect.poll(reconsider, { timeout: 20_000 }).toBe(1);
    await fieldContext.setOffline(true);
    await field.getByRole('link', { name: 'Ask for a reconsideration' }).click();
    await field.getByRole('heading', { name: 'Ask for a reconsideration' }).waitFor();
    await field.getByLabel('There is new evidence').check();
    await field.getByLabel('What should be looked at again, and why').fill('His GP has written about the injuries from the pressure washer.');
    await noAxeViolations(field);
    await shot(field, 'reconsider');
    await field.getByRole('button', { name: 'Seal and send request' }).click();
    const request = field.getByTestId('outbox-item').filter({ hasText: 'OP-ASK-1' }).getByTestId('outbox-addition').last();
    await request.waitFor();
    expect(await request.getAttribute('data-state')).toMatch(/^(queued|sending)$/);
    await fieldContext.setOffline(false);
    await expect.poll(() => request.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    const now = await caseNow();
    expect(now.stage).toBe('reconsideration');
    expect(now.actions.filter((action) => action === 'ask-reconsideration')).toHaveLength(1);
    await expect.poll(async () => (await outboxItem()).getByTestId('outbox-progress').innerText(), { timeout: 20_000 }).toMatch(/^Reconsideration asked for/);
  });
});
