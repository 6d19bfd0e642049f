// Walks the field app in Chromium and saves a screenshot of every screen at phone and desktop width.
//   npm run build && node --import tsx scripts/screenshots.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser.ts';
import { openApp, sendFromCheck, showOutbox, startAndFill, submitReferral, unlockOrSetUp } from '../tests/support/field-app.ts';
import { examples } from '../tests/support/referral-examples.ts';
import { startServer } from '../tests/support/server-process.ts';

const out = process.argv[2] ?? 'test-results/screenshots';
mkdirSync(out, { recursive: true });
// As `npm start` runs it, so the walk is not stopped by the first-run device sign-in.
const server = await startServer({ ALLOW_UNSIGNED_FROM_LOOPBACK: 'true' });
const browser = await launchChromium();
try {
  for (const [name, width] of [['phone', 360], ['desktop', 1280]] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const shot = (screen: string) => page.screenshot({ path: `${out}/${screen}-${name}.png`, fullPage: true });
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: 'Protect this device' }).waitFor();
    await page.locator('#passphrase').fill('short');
    await shot('00-setup-vault');
    await unlockOrSetUp(page);
    await shot('01-home');
    await page.getByRole('link', { name: 'Start a referral' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await shot('02-case-label-error');
    await page.getByRole('link', { name: 'NRM Field' }).click();
    // Every page of the form as it opens, along an adult's referral that takes the forks, then a child's and a Duty to Notify's.
    let n = 0;
    const everyPage = async (pageId: string) => {
      n += 1;
      await shot(`20-form-${String(n).padStart(2, '0')}-${pageId}`);
    };
    await startAndFill(page, { ...examples['adult-nrm'], multipleSituations: 'yes', exploitationDatesSeveral: 'Two.', whereExploited: 'uk-and-overseas', countries: ['Albania'], exploitationTypes: ['forced-to-work', 'other'], otherExploitationDetails: 'Cooking for the gang.' }, everyPage);
    await shot('05-check');
    await page.getByRole('link', { name: 'NRM Field' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot('06-home-with-draft');
    await page.getByRole('link', { name: /^Continue/ }).first().click();
    await page.getByTestId('task-list').waitFor();
    await shot('06-task-list');
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { name: /^Check your answers/ }).waitFor();
    await sendFromCheck(page);
    await page.waitForTimeout(1000);
    await shot('07-confirmation');
    await startAndFill(page, examples.child, everyPage);
    await sendFromCheck(page);
    await startAndFill(page, examples.dtn, everyPage);
    await shot('05-check-dtn');
    await sendFromCheck(page);
    await shot('07-confirmation-dtn');
    await page.getByRole('link', { name: 'Go to your outbox' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot('08-outbox');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(300);
    await shot('10-settings');
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.locator('#unlock-passphrase').fill('not it');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await shot('11-unlock-wrong');
    await unlockOrSetUp(page);
    await page.keyboard.press('Escape');
    await shot('12-hidden');
    await page.close();

    // The outbox when the server refuses: answers forced per referral (no service worker, so routing sees the requests).
    const refusing = await browser.newContext({ viewport: { width, height: 800 }, serviceWorkers: 'block' });
    const answers = [
      { status: 422, body: { type: 'x', title: 'The referral is not complete or has answers the service cannot accept', status: 422, code: 'invalid-referral', errors: [{ path: 'envelope.referral.howStarted', message: 'Describe how the exploitation started' }] } },
      { status: 409, body: { type: 'x', title: 'A different referral was already received under this id', status: 409, code: 'id-conflict' } },
      { status: 401, body: { type: 'x', title: 'Sign in again', status: 401, code: 'bad-request' } },
    ];
    let call = 0;
    await refusing.route('**/api/v1/referrals', (route) => {
      const answer = answers[Math.min(call++, answers.length - 1)]!;
      return route.fulfill({ status: answer.status, contentType: 'application/problem+json', body: JSON.stringify(answer.body) });
    });
    const p2 = await refusing.newPage();
    await openApp(p2, server.baseUrl);
    for (const label of ['REFUSED-422', 'CONFLICT-409', 'PAUSED-401']) {
      await submitReferral(p2, label, '18 or over', `Account for ${label}`);
      await p2.waitForTimeout(300);
    }
    await showOutbox(p2);
    await p2.waitForTimeout(500);
    await p2.screenshot({ path: `${out}/09-outbox-refusals-${name}.png`, fullPage: true });
    await refusing.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
