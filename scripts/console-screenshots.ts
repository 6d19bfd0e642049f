// Walks the casework console in Chromium and saves a screenshot of each screen at phone and desktop width.
//   npm run build && node --import tsx scripts/console-screenshots.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser.ts';
import { seedDemoAccounts, signInToConsole } from '../tests/support/console.ts';
import { startServer } from '../tests/support/server-process.ts';

const out = process.argv[2] ?? 'test-results/console-screenshots';
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchChromium();
try {
  const accounts = await seedDemoAccounts(server);
  for (const [name, width] of [['360', 360], ['1280', 1280]] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const shot = (screen: string) => page.screenshot({ path: `${out}/${screen}-${name}.png`, fullPage: true });
    await page.goto(`${server.baseUrl}/console/`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await shot('01-sign-in');
    await page.getByLabel('Email address').fill(accounts.caseworker.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email address or password is not right').first().waitFor();
    await shot('02-sign-in-wrong-details');
    await signInToConsole(page, server.baseUrl, accounts.caseworker);
    await shot('03-landing-caseworker');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out').waitFor();
    await shot('04-signed-out');
    await signInToConsole(page, server.baseUrl, accounts.analyst);
    await page.getByTestId('referrals-by-path').waitFor();
    await shot('05-landing-analyst');
    // What the browser sees once the server has ended the session: no session behind the request.
    await page.context().clearCookies();
    await page.reload();
    await page.getByText('Your session has ended, sign in again').waitFor();
    await shot('06-session-ended');
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
