// Walks the casework and administration console in Chromium and saves a screenshot of each screen at phone and desktop width.
//   npm run build && node --import tsx scripts/console-screenshots.ts [out-dir]
// The server starts on a fresh data folder with the independent review panel on, filled by `npm run demo`
// (a few hundred made-up referrals worked to every stage), so every casework screen has something to show.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { CaseActionType } from '../src/shared/casework/actions.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { seedDemoCases, signInToConsole } from '../tests/support/console.ts';
import { startServer } from '../tests/support/server-process.ts';

const out = process.argv[2] ?? 'test-results/console-screenshots';
mkdirSync(out, { recursive: true });
const env = { INDEPENDENT_REVIEW: 'true' };
const server = await startServer(env);
const browser = await launchChromium();

/** Queue filters to look through for a case where the signed-in person may take `action` now. */
const WHERE: Partial<Record<CaseActionType, Record<string, string>>> = {
  'decide-rg': { stage: 'rg-pending', held: 'me' },
  'decide-cg': { stage: 'cg-pending', held: 'me' },
  review: { stage: 'rg-negative-proposed' },
  'panel-review': { stage: 'cg-panel' },
  'record-reconsideration': { stage: 'rg-negative', held: 'me' },
  'decide-reconsideration': { stage: 'reconsideration', held: 'me' },
  'ask-information': { stage: 'rg-pending', held: 'me' },
  'information-received': { stage: 'more-information', held: 'me' },
  suspend: { stage: 'cg-pending', held: 'me' },
  'lift-suspension': { stage: 'suspended', held: 'me' },
  'record-turned-18': { stage: 'cg-pending', held: 'me', path: 'child' },
  'record-consent': { stage: 'turned-18', held: 'me' },
  withdraw: { stage: 'cg-pending', held: 'me' },
  'flag-county-lines': { stage: 'rg-pending', held: 'me' },
  take: { held: 'nobody' },
  'take-over': { stage: 'rg-pending' },
  assign: { held: 'nobody' },
  release: { held: 'me' },
};

/** The first case (of a few pages) that the signed-in person may take `action` on now, asked of the API with their session. */
async function caseFor(page: Page, action: CaseActionType, skip: readonly string[] = []): Promise<string | undefined> {
  return page.evaluate(
    async ({ action, where, skip }) => {
      for (let n = 1; n <= 4; n++) {
        const list = (await (await fetch(`/api/v1/cases?${new URLSearchParams({ ...where, page: String(n) })}`)).json()) as { rows: { id: string }[]; pageSize: number };
        for (const row of list.rows) {
          if (skip.includes(row.id)) continue;
          const detail = (await (await fetch(`/api/v1/cases/${row.id}`)).json()) as { actions?: string[] };
          if (detail.actions?.includes(action)) return row.id;
        }
        if (list.rows.length < list.pageSize) break;
      }
      return undefined;
    },
    { action, where: WHERE[action] ?? {}, skip },
  );
}

/** The case with the most to show: possible same person, links, notes and history. */
async function richCase(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    let best: { id: string; score: number } | undefined;
    for (let n = 1; n <= 3; n++) {
      const list = (await (await fetch(`/api/v1/cases?page=${n}&held=me`)).json()) as { rows: { id: string }[] };
      for (const row of list.rows) {
        const detail = (await (await fetch(`/api/v1/cases/${row.id}`)).json()) as { possibleMatches: unknown[]; linked: unknown[]; events: unknown[]; notes: unknown[] };
        const score = detail.possibleMatches.length * 10 + detail.linked.length * 5 + detail.events.length + detail.notes.length;
        if (!best || score > best.score) best = { id: row.id, score };
      }
    }
    return best?.id;
  });
}

const missing: string[] = [];

try {
  const accounts = await seedDemoCases(server, env);
  for (const [name, width] of [['360', 360], ['1280', 1280]] as const) {
    // A context of its own (axe-core needs one), fresh for each width.
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // 401/403 are sign-in's own answers; the 409 is the race this script stages on purpose.
      if (message.type() === 'error' && !/status of 40[139]/.test(message.text())) problems.push(message.text());
    });
    const findings: string[] = [];
    // Each screen is shot, and checked with axe-core (WCAG 2.2 AA) as it is.
    const shot = async (screen: string) => {
      await page.screenshot({ path: `${out}/${screen}-${name}.png`, fullPage: true });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      findings.push(...results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`));
    };
    const form = async (screen: string, action: CaseActionType, skip: string[] = []) => {
      const id = await caseFor(page, action, skip);
      if (!id) return void missing.push(`${screen} at ${name}: no case where ${action} can be done`);
      await page.goto(`${server.baseUrl}/console/cases/${id}/act/${action}`);
      await page.locator('#action-form').waitFor();
      await shot(screen);
      return id;
    };

    await page.goto(`${server.baseUrl}/console/`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await shot('01-sign-in');
    await page.getByLabel('Email address').fill(accounts.caseworker.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email address or password is not right').first().waitFor();
    await shot('02-sign-in-wrong-details');

    // The caseworker: the queue, a case, and the forms of their actions.
    await signInToConsole(page, server.baseUrl, accounts.caseworker);
    await page.getByTestId('case-queue').waitFor();
    await shot('03-queue-caseworker');
    // On a phone the filters are folded away above the table: open them first.
    if (!(await page.locator('details.app-filters').evaluate((details) => (details as HTMLDetailsElement).open))) {
      await page.locator('details.app-filters summary').click();
      await shot('03b-queue-filters-open');
    }
    await page.getByLabel('Overdue').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/due=overdue/);
    await page.locator('#results-heading').waitFor();
    await shot('04-queue-overdue');
    await page.goto(`${server.baseUrl}/console/cases?reference=ZZZZ-ZZZZ`);
    await page.getByText('No case has the reference ZZZZ-ZZZZ.').waitFor();
    await shot('05-queue-no-match');
    const rich = await richCase(page);
    if (rich) {
      await page.goto(`${server.baseUrl}/console/cases/${rich}`);
      await page.getByTestId('case-summary').waitFor();
      await page.getByTestId('history').waitFor();
      await page.locator('#evidence [role="status"]').waitFor({ state: 'detached' });
      await shot('06-case');
    } else missing.push('06-case: no case held by the caseworker');

    const decide = await form('10-form-decide-rg', 'decide-rg');
    if (decide) {
      await page.getByRole('button', { name: 'Make decision' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await shot('11-form-decide-rg-errors');
      await page.getByLabel('Negative', { exact: true }).check();
      await page.getByLabel(/No indicators of modern slavery/).check();
      await page.getByLabel('Reasons in your own words').fill('The account describes hard work for low pay, with no sign of threats, debt or control.');
      await page.getByRole('button', { name: 'Make decision' }).click();
      await page.locator('.govuk-panel').waitFor();
      await shot('12-confirmation-negative-proposed');
    }
    await form('13-form-decide-cg', 'decide-cg');
    await form('14-form-record-reconsideration', 'record-reconsideration');
    await form('15-form-decide-reconsideration', 'decide-reconsideration');
    await form('16-form-ask-information', 'ask-information');
    await form('17-form-record-consent', 'record-consent');
    await form('18-form-take', 'take');
    await form('19-form-withdraw', 'withdraw');
    await form('19b-form-flag-county-lines', 'flag-county-lines');

    // Someone else (here, the same person in another tab) changes the case while the form is open.
    const racing = await form('20-form-before-change', 'ask-information', decide ? [decide] : []);
    if (racing) {
      await page.evaluate(async (id) => {
        const detail = (await (await fetch(`/api/v1/cases/${id}`)).json()) as { state: { version: number } };
        await fetch(`/api/v1/cases/${id}/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: detail.state.version, action: { type: 'release' } }) });
      }, racing);
      await page.getByLabel(/What information is needed/).fill('The council’s age assessment, from children’s services.');
      await page.getByRole('button', { name: 'Record request' }).click();
      await page.getByText('Someone else changed this case while you were working on it').waitFor();
      await shot('21-form-case-changed');
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out').waitFor();

    // The reviewer: second-person review, assigning, Duty to Notify.
    await signInToConsole(page, server.baseUrl, accounts.reviewer);
    await page.getByTestId('case-queue').waitFor();
    await form('30-form-review', 'review');
    await form('31-form-assign', 'assign');
    await page.goto(`${server.baseUrl}/console/dtn`);
    await page.getByTestId('dtn-reports').waitFor();
    await shot('32-dtn-reports');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out').waitFor();

    // The independent review panel.
    await signInToConsole(page, server.baseUrl, accounts.panel);
    await form('40-form-panel-review', 'panel-review');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out').waitFor();

    // The analyst, and an ended session.
    await signInToConsole(page, server.baseUrl, accounts.analyst);
    await page.getByRole('heading', { name: 'Figures', level: 1 }).waitFor();
    await shot('50-figures-analyst');
    await page.context().clearCookies();
    await page.reload();
    await page.getByText('Your session has ended, sign in again').waitFor();
    await shot('51-session-ended');

    // The administrator: users, a person with devices, revoking one, a reset's and an invitation's
    // one-time code, the audit log; then setting a password with a code, signed out.
    await signInToConsole(page, server.baseUrl, accounts.admin);
    await page.getByTestId('users').waitFor();
    await shot('60-admin-users');
    const withDevices = await page.evaluate(async () => {
      const list = (await (await fetch('/api/v1/admin/users')).json()) as { users: { id: string; devices: number; status: string }[] };
      return list.users.find((user) => user.devices > 0 && user.status !== 'disabled')?.id;
    });
    if (withDevices) {
      await page.goto(`${server.baseUrl}/console/admin/users/${withDevices}`);
      await page.getByTestId('devices').waitFor();
      await shot('61-admin-user');
      await page.getByTestId('devices').getByRole('button').first().click();
      await page.getByTestId('confirm').waitFor();
      await shot('62-admin-revoke-confirm');
      await page.getByRole('button', { name: 'Yes, revoke this device' }).click();
      await page.locator('.govuk-notification-banner--success').waitFor();
      await shot('63-admin-device-revoked');
      await page.getByRole('button', { name: 'Disable account' }).click();
      await page.getByTestId('confirm').waitFor();
      await shot('64-admin-disable-confirm');
      await page.getByRole('button', { name: 'Yes, disable account' }).click();
      await page.locator('.govuk-notification-banner--success').waitFor();
      await shot('65-admin-disabled');
      await page.getByRole('button', { name: 'Reset password' }).click();
      await page.getByRole('button', { name: 'Yes, reset password' }).click();
      await page.getByTestId('one-time-code').waitFor();
      await shot('66-admin-reset-code');
    } else missing.push('61-admin-user: nobody with a device who is not disabled');
    await page.goto(`${server.baseUrl}/console/admin/users/invite`);
    await page.locator('#invite').click();
    await page.locator('.govuk-error-summary').waitFor();
    await shot('67-admin-invite-errors');
    await page.getByLabel('Email address').fill(`new.caseworker.${name}@demo.nrm-field.invalid`);
    await page.getByLabel('Caseworker', { exact: true }).check();
    await page.getByLabel('Organisation').selectOption({ label: 'Demo organisation' });
    await page.locator('#invite').click();
    await page.getByTestId('one-time-code').waitFor();
    await shot('68-admin-invite-code');
    await page.goto(`${server.baseUrl}/console/admin/audit`);
    await page.getByTestId('audit-log').waitFor();
    await shot('69-admin-audit');
    if (!(await page.locator('details.app-filters').evaluate((details) => (details as HTMLDetailsElement).open))) {
      await page.locator('details.app-filters summary').click();
      await shot('69b-admin-audit-filters-open');
    }
    await page.goto(`${server.baseUrl}/console/admin/audit?action=sign-ins`);
    await page.getByTestId('audit-log').waitFor();
    await shot('70-admin-audit-sign-ins');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out').waitFor();
    await page.getByRole('link', { name: 'Set your password' }).click();
    await page.getByRole('heading', { name: 'Set your password' }).waitFor();
    await shot('71-set-password');
    if (problems.length > 0) console.warn(`Script errors at ${name}:\n${problems.join('\n')}`);
    console.log(`axe at ${name}: ${findings.length} violations${findings.length ? `\n${findings.join('\n')}` : ''}`);
    await context.close();
  }
  if (missing.length > 0) console.warn(`Not shown (nothing in the demo set to show it on):\n${missing.join('\n')}`);
  console.log(`Screenshots in ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
