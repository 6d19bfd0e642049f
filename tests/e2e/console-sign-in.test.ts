import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, openAccount, seedDemoAccounts, signInToConsole, type DemoAccounts } from '../support/console.ts';
import { useE2eStack } from '../support/e2e-stack.ts';

const stack = useE2eStack();
let accounts: DemoAccounts;

beforeAll(async () => {
  accounts = await seedDemoAccounts(stack.server);
});

/** A fresh browser profile per test, with every blocked resource (CSP) and script error kept. */
async function freshPage(width = 1280): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const { context, page } = await stack.newPage({ viewport: { width, height: 800 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[13]/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');

async function openSignIn(page: Page): Promise<void> {
  await page.goto(`${stack.server.baseUrl}/console/`);
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
}

describe('console sign-in', () => {
  it('shows the error summary, focused, for missing and wrong details, and never echoes the password', async () => {
    const { context, page, problems } = await freshPage();
    await openSignIn(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Enter your email address', 'Enter your password']);
    expect(await focusedClass(page)).toContain('govuk-error-summary');
    expect(await page.title()).toBe('Error: Sign in – NRM Field console');
    await summary.getByRole('link', { name: 'Enter your password' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');

    const wrong = 'not-the-password-at-all';
    await page.getByLabel('Email address').fill(accounts.caseworker.email);
    await page.getByLabel('Password').fill(wrong);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A wrong password takes the server a deliberate second or more to refuse (memory-hard hashing, queued under load).
    await expect.poll(() => summary.innerText(), { timeout: 15_000 }).toContain('The email address or password is not right');
    await expect.poll(() => focusedClass(page), { timeout: 5_000 }).toContain('govuk-error-summary');
    expect(await page.locator('#email-error').innerText()).toContain('The email address or password is not right');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByLabel('Email address').inputValue()).toBe(accounts.caseworker.email);
    expect(await page.content()).not.toContain(wrong);
    expect(page.url()).toBe(`${stack.server.baseUrl}/console/`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs a caseworker in to the queue, shows their role and organisation on their account page, and signs them out', async () => {
    const { context, page, problems } = await freshPage();
    await signInToConsole(page, stack.server.baseUrl, accounts.caseworker);
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/cases');
    expect(await page.getByTestId('header-role').innerText()).toBe('Caseworker');
    expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link').allInnerTexts()).toEqual(['Cases', 'Your account']);
    await openAccount(page);
    const signedInAs = page.getByTestId('signed-in-as');
    expect(await signedInAs.innerText()).toMatch(new RegExp(`Email address\\s+${accounts.caseworker.email.replaceAll('.', '\\.')}`));
    expect(await signedInAs.innerText()).toMatch(/Role\s+Caseworker/);
    expect(await signedInAs.innerText()).toMatch(/Organisation\s+Demo organisation/i);
    await page.getByRole('heading', { name: 'What you can do here' }).waitFor();
    await page.getByText('Every time you open a case, it is recorded in the audit log.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Your account');

    // The session survives a reload: it lives in the HttpOnly cookie, which no script can read.
    await page.reload();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByText('You have signed out').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/v1/session')).status)).toBe(401);
    // A later visit is a fresh start, not an ended session.
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await page.locator('.govuk-notification-banner').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lands an analyst on the figures', async () => {
    const { context, page, problems } = await freshPage();
    await signInToConsole(page, stack.server.baseUrl, accounts.analyst);
    await page.getByRole('heading', { name: 'Figures', level: 1 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link').allInnerTexts()).toEqual(['Duty to Notify', 'Figures', 'Your account']);
    await page.getByTestId('period-shown').waitFor();
    await openAccount(page);
    expect(await page.getByTestId('signed-in-as').innerText()).toMatch(/Role\s+Analyst/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('goes back to sign-in, saying so, when the session has ended', async () => {
    const { context, page } = await freshPage();
    await signInToConsole(page, stack.server.baseUrl, accounts.reviewer);
    await openAccount(page);
    expect(await page.getByTestId('signed-in-as').innerText()).toMatch(/Role\s+Reviewer/);
    // A password reset ends every session of the account on the server.
    await admin(stack.server, 'reset-password', '--email', accounts.reviewer.email);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByText('Your session has ended, sign in again').waitFor();
    await context.close();
  });

  it('says how long to wait when sign-in is rate limited', async () => {
    const { context, page } = await freshPage();
    await openSignIn(page);
    const email = 'someone-guessing@example.org';
    // Ten tries use up the account's allowance (DEFAULT_SIGN_IN_LIMITS); the eleventh is refused.
    const statuses = await page.evaluate(async (address) => {
      const seen: number[] = [];
      for (let i = 0; i < 10; i++) {
        const response = await fetch('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: address, password: `guess ${i}` }) });
        seen.push(response.status);
      }
      return seen;
    }, email);
    expect(statuses).toEqual(Array(10).fill(401));
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('one more guess');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Too many attempts to sign in\. Wait 1[45] minutes, then try again/);
    await context.close();
  });

  it('says when the server cannot be reached', async () => {
    const { context, page } = await freshPage();
    await openSignIn(page);
    await page.route('**/api/v1/session', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await page.getByLabel('Email address').fill(accounts.caseworker.email);
    await page.getByLabel('Password').fill(accounts.caseworker.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toContain('The server cannot be reached. Check your connection, then try again');
    await context.close();
  });

  it('is never answered by the field app’s service worker, nor stored by it', async () => {
    const { context, page } = await freshPage();
    await page.goto(stack.server.baseUrl);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.goto(`${stack.server.baseUrl}/console/`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.goto(`${stack.server.baseUrl}/console/some/deep/link`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    const precached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(precached).toContain('/index.html');
    expect(precached.filter((url) => url.includes('console'))).toEqual([]);
    await context.close();
  });
});

describe('console accessibility (axe-core, WCAG 2.2 AA)', () => {
  async function violations(page: Page, screen: string): Promise<string[]> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    return results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`);
  }

  for (const [name, width] of [['320 px', 320], ['desktop', 1280]] as const) {
    it(`finds no violations on sign-in and landing at ${name}`, async () => {
      const { context, page } = await freshPage(width);
      const found: string[] = [];
      await openSignIn(page);
      found.push(...(await violations(page, 'sign in')));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      found.push(...(await violations(page, 'sign in, with errors')));
      await signInToConsole(page, stack.server.baseUrl, accounts.analyst);
      await page.getByTestId('period-shown').waitFor();
      found.push(...(await violations(page, 'landing (analyst)')));
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You have signed out').waitFor();
      found.push(...(await violations(page, 'signed out')));
      await signInToConsole(page, stack.server.baseUrl, accounts.caseworker);
      found.push(...(await violations(page, 'landing (caseworker)')));
      console.log(`axe on the console at ${name}: ${found.length} violations${found.length ? `\n${found.join('\n')}` : ''}`);
      expect(found).toEqual([]);
      await context.close();
    });
  }
});
