// Walks the field app in Chromium and saves a screenshot of every screen at phone and desktop width.
//   npm run build && node --import tsx scripts/screenshots.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser.ts';
import { startServer } from '../tests/support/server-process.ts';

const out = process.argv[2] ?? 'test-results/screenshots';
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchChromium();
try {
  for (const [name, width] of [['phone', 360], ['desktop', 1280]] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const shot = (screen: string) => page.screenshot({ path: `${out}/${screen}-${name}.png`, fullPage: true });
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot('01-home');
    await page.getByRole('link', { name: 'Start a referral' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await shot('02-case-label-error');
    await page.getByLabel('What is your own reference for this referral?').fill('OP-LANTERN-7');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await shot('03-age-error');
    await page.getByLabel('Not sure').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('What happened to the person?').fill('Picked up from a hostel each morning and driven to a car wash. Paid nothing. Passport held by the boss.');
    await page.waitForTimeout(500);
    await shot('04-account');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot('05-check');
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot('06-home-with-draft');
    await page.getByRole('link', { name: /^Continue/ }).first().click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Accept and send' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(1000);
    await shot('07-confirmation');
    await page.getByRole('link', { name: 'Go to your outbox' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot('08-outbox');
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
