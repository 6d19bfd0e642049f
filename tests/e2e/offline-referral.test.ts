import { describe, expect, it } from 'vitest';
import { REFERENCE_PATTERN } from '../../src/shared/reference-number.ts';
import { useE2eStack } from '../support/e2e-stack.ts';
import { openApp, storedReferrals, submitReferral, unlockOrSetUp, waitForServiceWorker } from '../support/field-app.ts';

const stack = useE2eStack({ page: { viewport: 'phone' } });

describe('a referral taken offline', () => {
  it('loads from the cache with the network cut, queues, and is delivered exactly once when signal returns', async () => {
    const { server, context, page } = stack;
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    await openApp(page, server.baseUrl);
    await page.getByRole('heading', { name: 'Refer a potential victim of modern slavery' }).waitFor();
    // Nothing was ever sent from this device: the header does not claim "All sent".
    expect(await page.getByTestId('status-line').innerText()).toBe('Nothing to send');
    await waitForServiceWorker(page);

    await context.setOffline(true);
    await page.reload();
    await unlockOrSetUp(page);
    await page.getByRole('heading', { name: 'Refer a potential victim of modern slavery' }).waitFor();

    await submitReferral(page, 'OP-LANTERN-7', '18 or over', 'Worked at a car wash for no pay; passport held by the boss.');
    await page.getByRole('heading', { name: 'Referral saved and queued' }).waitFor();

    await page.getByRole('link', { name: 'Go to your outbox' }).click();
    const item = page.getByTestId('outbox-item').filter({ hasText: 'OP-LANTERN-7' });
    await expect.poll(() => item.getAttribute('data-state')).toBe('queued');
    await expect.poll(() => page.getByTestId('status-line').innerText()).toBe('No signal — 1 waiting');

    await context.setOffline(false);
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 30_000 }).toBe('delivered');
    const reference = await item.getByTestId('outbox-reference').innerText();
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(await page.getByTestId('status-line').innerText()).toBe('All sent');

    const rows = storedReferrals(server.sqliteFile);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reference, path: 'adult-nrm', schema_version: 3 });
    // The whole journey ran under the server's strict Content-Security-Policy.
    expect(cspViolations).toEqual([]);
  });
});
