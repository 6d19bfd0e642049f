import AxeBuilder from '@axe-core/playwright';
import BetterSqlite3 from 'better-sqlite3';
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

/** A photo the phone might take (drawn in the page, so it is a real PNG), and a letter as a PDF. */
let PHOTO = Buffer.alloc(0);
const LETTER = Buffer.from(`%PDF-1.4\n% GP letter\n${'Injuries consistent with a pressure washer. '.repeat(2_000)}\n%%EOF\n`);
function drawPhoto(): string {
  const canvas = document.createElement('canvas');
  canvas.width = 120;
  canvas.height = 90;
  const pen = canvas.getContext('2d');
  if (!pen) throw new Error('no canvas');
  pen.fillStyle = '#1d70b8';
  pen.fillRect(0, 0, 120, 90);
  pen.fillStyle = '#ffdd00';
  pen.fillRect(20, 20, 60, 40);
  return canvas.toDataURL('image/png');
}

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
    // This server takes only enrolled devices' referrals, so the first run ends on signing the device in.
    await field.getByRole('heading', { name: 'Sign this device in' }).waitFor();
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
    // New evidence, chosen offline: stored encrypted at once, listed with a thumbnail, and removable.
    PHOTO = Buffer.from((await field.evaluate(drawPhoto)).split(',')[1] ?? '', 'base64');
    const upload = field.getByLabel('New evidence (optional)');
    await upload.setInputFiles([
      { name: 'injuries.png', mimeType: 'image/png', buffer: PHOTO },
      { name: 'GP letter.pdf', mimeType: 'application/pdf', buffer: LETTER },
    ]);
    const chosen = field.getByTestId('reconsideration-files').locator('li');
    await expect.poll(() => chosen.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => upload.isEnabled()).toBe(true);
    await upload.setInputFiles([{ name: 'wrong one.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') }]);
    await expect.poll(() => chosen.count(), { timeout: 10_000 }).toBe(3);
    await field.getByRole('button', { name: 'Remove wrong one.pdf' }).click();
    await expect.poll(() => chosen.count()).toBe(2);
    // A thumbnail of the photo (128 px at most on its longest side), drawn on the device.
    await expect.poll(() => chosen.first().locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(120);
    await upload.setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not evidence') }]);
    await field.locator('.govuk-error-summary').getByText(/notes\.txt is not a file you can attach/).waitFor();
    await noAxeViolations(field);
    await shot(field, 'reconsider');
    await field.setViewportSize({ width: 1280, height: 900 });
    await field.screenshot({ path: 'test-results/field-screenshots/reconsider-1280.png', fullPage: true });
    await field.setViewportSize({ width: 360, height: 740 });
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

  step('shows the caseworker the files the request brought, the photo inline and the letter to download, each read audited', async () => {
    await desk.goto(caseUrl);
    await desk.getByTestId('case-summary').waitFor();
    const group = desk.getByTestId('evidence-group').filter({ hasText: /^Sent with the reconsideration request of \d{1,2} \w{3} \d{4}/ });
    await group.waitFor();
    const photo = group.getByRole('img', { name: 'injuries.png' });
    // Loaded lazily, as the desk scrolls to it.
    await photo.scrollIntoViewIfNeeded();
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBe(120);
    const letter = group.getByRole('link', { name: 'Download GP letter.pdf' });
    const downloaded = await letter.evaluate(async (link) => Array.from(new Uint8Array(await (await fetch((link as HTMLAnchorElement).href)).arrayBuffer())));
    expect(Buffer.from(downloaded).equals(LETTER)).toBe(true);
    await noAxeViolations(desk);
    await group.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await desk.screenshot({ path: 'test-results/field-screenshots/case-files-with-reconsideration-1280.png' });
    await desk.setViewportSize({ width: 360, height: 740 });
    await group.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await desk.screenshot({ path: 'test-results/field-screenshots/case-files-with-reconsideration-360.png' });
    const db = new BetterSqlite3(stack.server.sqliteFile, { readonly: true });
    const audited = db.prepare("select action from audit_log where subject = ? and action like 'case-file%'").all(referralId) as { action: string }[];
    db.close();
    expect(audited.filter((row) => row.action === 'case-files-listed').length).toBeGreaterThanOrEqual(1);
    // The photo shown and the letter downloaded: at least one read each.
    expect(audited.filter((row) => row.action === 'case-file-read').length).toBeGreaterThanOrEqual(2);
  });
});
