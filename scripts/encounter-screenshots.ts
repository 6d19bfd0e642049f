// Walks the encounter mode in Chromium and saves a screenshot of each of its screens at phone and desktop width.
//   npm run build && node --import tsx scripts/encounter-screenshots.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser.ts';
import { completeForm, personRow, quickCapture, restOf, startEncounter } from '../tests/support/encounter-app.ts';
import { openApp, sendFromCheck } from '../tests/support/field-app.ts';
import { examples } from '../tests/support/referral-examples.ts';
import { startServer } from '../tests/support/server-process.ts';

const out = process.argv[2] ?? 'test-results/screenshots';
mkdirSync(out, { recursive: true });
// As `npm start` runs it, so the walk is not stopped by the first-run device sign-in.
const server = await startServer({ ALLOW_UNSIGNED_FROM_LOOPBACK: 'true' });
const browser = await launchChromium();
const details = { operation: 'Operation Kestrel', place: 'Kestrel Hand Car Wash, Wharf Street, Leeds', policeForce: 'West Yorkshire Police', crimeReference: 'KES-2026-118', officers: 'DC Priya Raman 5521, PC Tom Hale 3310' };
const label = (n: number) => `${details.operation} – person ${n}`;
try {
  for (const [name, width] of [['phone', 360], ['desktop', 1280]] as const) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, geolocation: { latitude: 53.79551, longitude: -1.54791, accuracy: 18 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    const shot = (screen: string) => page.screenshot({ path: `${out}/40-encounter-${screen}-${name}.png`, fullPage: true });
    await openApp(page, server.baseUrl);
    await page.getByRole('link', { name: 'Start an encounter' }).click();
    await page.getByRole('heading', { name: 'Start an encounter' }).waitFor();
    await shot('01-start');
    await page.locator('#time').fill('');
    await page.getByRole('button', { name: 'Start the encounter' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await shot('02-start-errors');
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByTestId('captured-location').waitFor();
    await shot('03-start-location');
    await page.getByRole('link', { name: 'Back' }).click();
    await startEncounter(page, details);
    await shot('04-empty');
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByRole('heading', { name: 'Quick capture' }).waitFor();
    await shot('05-quick-capture');
    await page.locator('input[name="underAge"][value="no"]').check();
    await page.locator('input[name="interpreter"][value="yes"]').check();
    await page.getByRole('button', { name: 'Save and add another' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await shot('06-quick-capture-errors');
    await quickCapture(page, { ...examples['adult-nrm'], howStarted: 'Promised a job in a restaurant.' }, 'add');
    await quickCapture(page, { ...examples.child, howStarted: 'Brought over at 15 to wash cars.' }, 'add');
    await quickCapture(page, { underAge: 'no', consent: 'no', gender: 'male' }, 'add');
    await quickCapture(page, { underAge: 'not-sure' }, 'back');
    // Person 1 sent, person 2 ready to send, the others drafts.
    for (const n of [1, 2]) {
      await personRow(page, label(n)).getByRole('link', { name: /^Complete the referral/ }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/resume'));
      await completeForm(page, restOf(n === 1 ? examples['adult-nrm'] : examples.child));
      if (n === 1) await sendFromCheck(page);
      await page.getByRole('link', { name: 'NRM Field' }).click();
      await page.getByRole('link', { name: details.operation, exact: true }).click();
    }
    await personRow(page, label(2)).getByRole('link', { name: /^Family: link to/ }).click();
    await page.getByLabel(label(3)).check();
    await shot('07-family');
    await page.getByRole('button', { name: 'Save family links' }).click();
    await page.getByRole('heading', { name: details.operation, exact: true }).waitFor();
    await page.waitForTimeout(1500);
    await shot('08-people');
    await page.getByRole('link', { name: 'NRM Field' }).click();
    await page.getByTestId('open-encounters').waitFor();
    await shot('09-home');
    await page.getByRole('link', { name: details.operation, exact: true }).click();
    await page.getByRole('link', { name: 'Close this encounter' }).click();
    await page.getByRole('heading', { name: 'Close this encounter?' }).waitFor();
    await shot('10-close');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: 'Delete this encounter' }).click();
    await page.getByRole('heading', { name: 'Delete this encounter?' }).waitFor();
    await shot('11-delete');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await personRow(page, label(4)).getByRole('link', { name: /^Remove/ }).click();
    await page.getByRole('heading', { name: 'Remove this person from the encounter?' }).waitFor();
    await shot('12-remove-person');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: /^Send 1 ready referral/ }).click();
    await page.getByText('1 referral queued').waitFor();
    await shot('13-sent');
    await page.getByRole('link', { name: 'Close this encounter' }).click();
    await page.getByRole('button', { name: 'Yes, close it' }).click();
    await page.getByRole('link', { name: 'All encounters, including closed ones' }).click();
    await page.getByRole('heading', { name: 'Encounters' }).waitFor();
    await shot('14-all-encounters');
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
