import { launchChromium } from '../../tests/support/browser.ts';
import { PASSPHRASE, unlockOrSetUp, waitForServiceWorker } from '../../tests/support/field-app.ts';
import { counts } from '../lib/counts.ts';
import type { Figure } from '../lib/figure.ts';
import { repeat, summarise } from '../lib/stats.ts';
import { readyProbe } from './ready-probe.ts';

/** The unlock form's field (src/app/vault) and the first question's, the case label (src/app/form). */
const UNLOCK_FIELD = '#unlock-passphrase';
const FIRST_QUESTION_FIELD = '#caseLabel';
const CPU_SLOWDOWN = 4;

/**
 * Starting a referral with no signal on a device already set up: after one online visit (vault made,
 * service worker installed) the network is cut, the CPU slowed 4×, and /referral/new opened. The app
 * starts locked, so the bench types the passphrase as soon as it can; the app then derives the key
 * (PBKDF2), makes the draft and shows the first question.
 */
export async function measureOfflineStart(baseUrl: string): Promise<Figure[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await unlockOrSetUp(page);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.addInitScript(readyProbe, [UNLOCK_FIELD, FIRST_QUESTION_FIELD]);

    const runs = await repeat(1, counts.offlineStartRuns, async () => {
      await page.goto(`${baseUrl}/referral/new`);
      if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) throw new Error('The offline start was not served by the service worker');
      await page.locator(UNLOCK_FIELD).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock' }).click();
      const ready = (selector: string) => page.evaluate((s) => window.benchReady?.[s] ?? Promise.reject(new Error(`no probe for ${s}`)), selector);
      return { unlock: await ready(UNLOCK_FIELD), question: await ready(FIRST_QUESTION_FIELD) };
    });
    const note = 'from navigation start of /referral/new, network cut, service worker serving, page CPU slowed 4×; ready = painted and the main thread free';
    return [
      { name: 'offline-start.unlock-ready', label: 'Offline start → unlock form ready (4× CPU slowdown)', unit: 'ms', ...summarise(runs.map((r) => r.unlock)), budget: null, baseline: null, note },
      {
        name: 'offline-start.first-question-ready',
        label: 'Offline start → first question ready, passphrase typed at once (4× CPU slowdown)',
        unit: 'ms',
        ...summarise(runs.map((r) => r.question)),
        budget: null,
        baseline: null,
        note: `${note}; includes the automation typing the passphrase and the unlock (PBKDF2, 600,000 iterations)`,
      },
    ];
  } finally {
    await browser.close();
  }
}
