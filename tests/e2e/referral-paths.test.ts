import { describe, expect, it } from 'vitest';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { fillForm, openApp, sendFromCheck, showOutbox, startAndFill, storedReferrals, unlockOrSetUp, waitForServiceWorker } from '../support/field-app.ts';
import { examples } from '../support/referral-examples.ts';

const stack = useE2eStack({ page: { viewport: 'phone' } });

const stateOf = (caseLabel: string) => stack.page.getByTestId('outbox-item').filter({ hasText: caseLabel }).getAttribute('data-state');

describe('the three paths, offline from start to confirmation', () => {
  describe('takes a child, an adult who agrees and an adult who refuses, resumes a draft after a reload, and delivers all three', () => {
    // One walk on the file's phone, in steps (see walkInSteps).
    const walk = walkInSteps();

    walk.step('takes a child’s referral offline, resumes the draft after a reload and a rename, and queues it', async () => {
      const { server, context, page } = stack;
      await openApp(page, server.baseUrl);
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await page.reload();
      await unlockOrSetUp(page);

      // A child's referral, left half-way; the reload locks the app, the draft waits on the start page.
      await page.getByRole('link', { name: 'Start a referral' }).click();
      await page.waitForURL(/\/case-label$/);
      await fillForm(page, { ...examples.child, caseLabel: 'PATH-CHILD' }, { stopAt: 'types' });
      await page.reload();
      await unlockOrSetUp(page);
      await page.getByRole('link', { name: 'NRM Field' }).click();

      // Renamed from the drafts list (the responder's own label, never the person's name).
      await page.getByRole('link', { name: 'Rename PATH-CHILD' }).click();
      await page.getByLabel('What is your own reference for this referral?').fill('PATH-CHILD-2');
      await page.getByRole('button', { name: 'Save' }).click();
      // A draft opens on its task list: where it stands, what is left, and a way to any section.
      await page.getByRole('link', { name: 'Continue PATH-CHILD-2' }).click();
      await page.waitForURL(/\/sections$/);
      const tasks = page.getByTestId('task-list');
      expect(await tasks.locator('[data-task="account"]').innerText()).toMatch(/Their account\s+\d+ of \d+ answered\s+Completed/);
      expect(await tasks.locator('[data-task="risk"]').innerText()).toMatch(/Risk and police\s+\d+ questions\s+Not yet started/);
      // Any section opens in any order: the person's details, then back to where it was left.
      await tasks.getByRole('link', { name: 'About them' }).click();
      await page.waitForURL(/\/name$/);
      expect(await page.locator('.govuk-caption-m').innerText()).toBe('About them · Section 7 of 9, question 1 of 3');
      // The address of a page an app update merged into another (the old "professional view") resumes the draft, not "Page not found".
      const draftPath = new URL(page.url()).pathname.replace(/\/name$/, '');
      await page.evaluate((to) => {
        history.pushState(null, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, `${draftPath}/professional-view`);
      await page.waitForURL(/\/types$/);
      expect(await page.getByRole('heading', { name: 'Page not found' }).count()).toBe(0);
      await page.getByRole('link', { name: 'All sections' }).click();
      await page.getByRole('link', { name: 'Continue where you left off' }).click();
      await page.waitForURL(/\/types$/);
      expect(await page.locator('.govuk-caption-m').innerText()).toMatch(/^Risk and police · Section 6 of 9, question 1 of \d+$/);
      // It opens where it was left, with nothing typed before the reload lost.
      await page.getByRole('heading', { name: 'What were they made to do?' }).waitFor();
      await fillForm(page, examples.child);
      await page.getByText('This is a National Referral Mechanism referral for a child.').waitFor();
      await sendFromCheck(page);
      await page.getByRole('heading', { name: 'Referral saved and queued' }).waitFor();
    });

    walk.step('queues an adult who agrees', async () => {
      const { page } = stack;
      await startAndFill(page, { ...examples['adult-nrm'], caseLabel: 'PATH-ADULT' });
      // Each complete section is folded to one line, so "Accept and send" is within 3 screens of the top on a 360 px phone.
      // Measured with the referral-quality advice shown (the example's short account draws it).
      await page.getByTestId('quality-advice').waitFor();
      const send = page.getByRole('button', { name: 'Accept and send' });
      const bottom = await send.evaluate((button) => button.getBoundingClientRect().bottom + window.scrollY);
      expect(bottom).toBeLessThanOrEqual(3 * (page.viewportSize()?.height ?? 0));
      await sendFromCheck(page);
      await page.getByRole('heading', { name: 'Referral saved and queued' }).waitFor();
    });

    walk.step('queues a Duty to Notify report for an adult who refuses, asking nothing identifying', async () => {
      const { page } = stack;
      // Consent is asked straight after age; every page written in words of their own reminds the responder that the report is anonymous.
      const order: string[] = [];
      const reminded: string[] = [];
      await startAndFill(page, { ...examples.dtn, caseLabel: 'PATH-DTN' }, async (pageId) => {
        order.push(pageId);
        if (await page.getByTestId('anonymous-writing').isVisible()) reminded.push(pageId);
      });
      expect(order.slice(order.indexOf('under-18'), order.indexOf('under-18') + 3)).toEqual(['under-18', 'consent', 'refusal']);
      expect(reminded).toEqual(expect.arrayContaining(['refusal', 'background', 'situations', 'interview', 'exploiters']));
      expect(reminded).not.toContain('under-18');
      expect(reminded).not.toContain('consent');
      await page.getByRole('heading', { name: 'Check your answers before sending the Duty to Notify report' }).waitFor();
      // Nothing identifying is asked of an adult who refuses and will not help the police.
      expect(await page.getByText('First name').count()).toBe(0);
      await sendFromCheck(page);
      await page.getByRole('heading', { name: 'Duty to Notify report saved and queued' }).waitFor();
    });

    walk.step('delivers all three when signal returns, each under its own kind', async () => {
      const { server, context, page } = stack;
      await showOutbox(page);
      for (const label of ['PATH-CHILD-2', 'PATH-ADULT', 'PATH-DTN']) expect(await stateOf(label)).toBe('queued');
      expect(storedReferrals(server.sqliteFile)).toHaveLength(0);

      await context.setOffline(false);
      for (const label of ['PATH-CHILD-2', 'PATH-ADULT', 'PATH-DTN']) await expect.poll(() => stateOf(label), { timeout: 30_000 }).toBe('delivered');
      const rows = storedReferrals(server.sqliteFile);
      // Each stored under its own kind (in the order they happened to arrive).
      expect(rows.map((row) => `${row.path} v${row.schema_version}`).sort()).toEqual(['adult-nrm v3', 'child v3', 'dtn v3']);
    });
  });

  it('can be answered with the keyboard alone: text, type-ahead and radios', async () => {
    const { page } = stack;
    await page.getByRole('link', { name: 'NRM Field' }).click();
    await page.getByRole('link', { name: 'Start a referral' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/case-label$/);
    await page.getByLabel('What is your own reference for this referral?').focus();
    await page.keyboard.type('KEYS-1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/organisation$/);
    await page.locator('#organisation').focus();
    await page.keyboard.type('west yorkshire pol');
    await page.getByRole('option', { name: 'West Yorkshire Police' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.locator('#organisation').inputValue()).toBe('West Yorkshire Police');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/responder-nation$/);
    await page.getByLabel('England').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Wales').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/under-18$/);
  });

  it('asks the questions after consent again when consent changes from check your answers, keeping none of the old answers', async () => {
    const { page } = stack;
    await startAndFill(page, { ...examples['adult-nrm'], caseLabel: 'PATH-CHANGED-MIND' });
    // Check your answers folds each complete section to one line; Show opens it.
    expect(await page.locator('[data-card="consent"] .govuk-summary-card__title').innerText()).toMatch(/^Consent — \d+ answers$/);
    await page.getByRole('button', { name: 'Show consent' }).click();
    await page.getByRole('link', { name: 'Change do they agree to be referred?' }).click();
    await page.locator('input[name="consent"][value="no"]').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // The reason for refusing is optional; the first page still to answer is the Duty to Notify gender,
    // which is empty although the referral had a gender before: it was forgotten with the rest.
    await page.waitForURL(/\/dtn-gender\?change=1$/);
    expect(await page.locator('input[name="gender"]:checked').count()).toBe(0);
    await fillForm(page, examples['dtn-cooperating'], { stopAt: 'dtn-name' });
    expect(await page.locator('#firstName').inputValue()).toBe('');
    await fillForm(page, examples['dtn-cooperating']);
    await page.getByRole('heading', { name: 'Check your answers before sending the Duty to Notify report' }).waitFor();
    expect(await page.getByText('Who should the decision be sent to?').count()).toBe(0);
    expect(await page.getByText('Record how they gave informed consent').count()).toBe(0);
  });
});

