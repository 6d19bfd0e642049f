import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useE2eStack } from '../support/e2e-stack.ts';
import { openApp, startAndFill, waitForServiceWorker } from '../support/field-app.ts';
import { examples } from '../support/referral-examples.ts';

const stack = useE2eStack();

describe('the referral-quality check on check your answers', () => {
  it('advises on a weak referral; following the advice and fixing the answer takes the point away', async () => {
    const { page, context } = await stack.newPage({ viewport: 'phone' });
    await openApp(page, stack.server.baseUrl);
    await waitForServiceWorker(page);
    // Offline: the check runs on the device.
    await context.setOffline(true);
    await startAndFill(page, { ...examples['adult-nrm'], caseLabel: 'OP-WEAK-1', professionalView: 'See above.' });

    const advice = page.getByTestId('quality-advice');
    await advice.waitFor();
    const reason = advice.locator('[data-rule="short-reason"]');
    expect(await reason.innerText()).toContain('Your reason for making this referral says very little.');
    expect(await advice.locator('[data-rule="short-account"]').count()).toBe(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await page.screenshot({ path: 'test-results/field-screenshots/quality-advice-360.png' });

    await reason.getByRole('link', { name: 'Improve this answer' }).click();
    await page.waitForURL(/\/interview\?change=1$/);
    await page.getByLabel('Why are you making this referral?').fill('Debt bondage, his passport held by the driver and threats to his family are strong indicators of labour exploitation.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /^Check your answers/ }).waitFor();
    await advice.locator('[data-rule="short-account"]').waitFor();
    expect(await advice.locator('[data-rule="short-reason"]').count()).toBe(0);
    // Advice never blocks: the referral can still be sent as it is.
    expect(await page.getByRole('button', { name: 'Accept and send' }).isEnabled()).toBe(true);
    await context.close();
  });
});
