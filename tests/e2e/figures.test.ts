import AxeBuilder from '@axe-core/playwright';
import { read, utils } from '@e965/xlsx';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { seedDemoAccounts, signInToConsole, type DemoAccounts } from '../support/console.ts';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';

// The analyst's Figures against the real server, seeded from the Home Office's published 2022 Q4 first
// responder tables (one statistical record per person counted): pick the quarter, read the tables, see a
// trend and the map, take both downloads and read them back against the screen; axe finds nothing.
const stack = useE2eStack();
let accounts: DemoAccounts;
const run = promisify(execFile);

beforeAll(async () => {
  accounts = await seedDemoAccounts(stack.server);
  await run(process.execPath, ['--import', 'tsx', 'src/server/demo-cli.ts', '--from-published', 'published/ho-statistics'], {
    env: { ...process.env, DATA_DIR: stack.server.dataDir, DATABASE_URL: '' },
    maxBuffer: 1024 * 1024,
  });
});

const shot = (page: Page, name: string, width: number) => page.screenshot({ path: `test-results/console-screenshots/figures-${name}-${width}.png`, fullPage: true });

async function violations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`);
}

/** A table on screen as text, heading row first: what its CSV and its sheet must say. */
async function tableOnScreen(page: Page, id: string): Promise<string[][]> {
  return page.getByTestId(`figure-table-${id}`).locator('table').evaluate((table: HTMLTableElement) => [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent ?? '')));
}

/** A count as the screen writes it ("1,210") back to the number a file holds. */
const asFileValue = (text: string, column: number) => (column > 0 && /^[\d,]+$/.test(text) ? Number(text.replace(/,/g, '')) : text);

/** Opens the Figures for 2022 Q4 through the period picker, as an analyst would. */
async function pickQuarter(page: Page): Promise<void> {
  await signInToConsole(page, stack.server.baseUrl, accounts.analyst);
  await page.getByRole('heading', { name: 'Figures', level: 1 }).waitFor();
  await page.getByLabel('A quarter').check();
  await page.getByLabel('Quarter', { exact: true }).selectOption('2022-Q4');
  await page.getByRole('button', { name: 'Show figures' }).click();
  await page.getByRole('heading', { name: 'Showing October to December 2022' }).waitFor();
  expect(new URL(page.url()).search).toBe('?period=2022-Q4');
}

describe('the analyst’s figures', () => {
  describe('2022 Q4: tables, a trend, the map and both downloads', () => {
    const walk = walkInSteps();
    let desk: { context: BrowserContext; page: Page };
    let first = '';

    beforeAll(async () => {
      desk = await stack.newPage({ viewport: 'desktop', acceptDownloads: true });
    });
    afterAll(async () => {
      await desk?.context.close();
    });

    walk.step('picks 2022 Q4 and sees its tables, suppressed counts in words', async () => {
      const { page } = desk;
      await pickQuarter(page);
      const tables = page.locator('[data-testid^="details-"]');
      expect(await tables.count()).toBeGreaterThan(3);
      first = ((await tables.first().getAttribute('data-testid')) ?? '').replace('details-', '');
      const rows = await tableOnScreen(page, first);
      expect(rows.length).toBeGreaterThan(2);
      expect(rows.flat().join(' ')).not.toMatch(/suppressed/);
      await shot(page, 'tables', 1280);
    });

    walk.step('downloads a table as CSV, with the labels and counts on screen', async () => {
      const { page } = desk;
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`figure-table-${first}`).getByRole('button', { name: /Download as CSV/ }).click()]);
      expect(download.suggestedFilename()).toBe(`${first}_2022-Q4.csv`);
      const bytes = readFileSync(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const onScreen = await tableOnScreen(page, first);
      const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
      const unquote = (field: string) => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
      const parse = (line: string) => (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((field) => unquote(field.replace(/,$/, ''))).slice(0, onScreen[0]!.length);
      expect(lines.map(parse)).toEqual(onScreen.map((row) => row.map((cell, column) => String(asFileValue(cell, column)))));
    });

    walk.step('downloads the period as one spreadsheet, a sheet per table, the same as the screen', async () => {
      const { page } = desk;
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download every table as a spreadsheet (ODS)' }).click()]);
      expect(download.suggestedFilename()).toBe('nrm-figures_2022-Q4.ods');
      const book = read(readFileSync(await download.path()), { type: 'buffer' });
      expect(book.SheetNames.length).toBe((await page.locator('[data-testid^="details-"]').count()) + 1);
      const onScreen = await tableOnScreen(page, first);
      const sheet = utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[1]!]!, { header: 1, blankrows: true, defval: null });
      expect(sheet.slice(2, 2 + onScreen.length).map((row) => row.slice(0, onScreen[0]!.length))).toEqual(onScreen.map((row) => row.map(asFileValue)));
    });

    walk.step('draws any figure by quarter as a chart, with its table and a summary', async () => {
      const { page } = desk;
      await page.getByRole('link', { name: 'Trends' }).click();
      const summary = await page.getByTestId('trend-summary').innerText();
      expect(summary.length).toBeGreaterThan(10);
      const canvas = page.getByTestId('trend-chart').locator('canvas');
      expect(await canvas.getAttribute('aria-label')).toContain(summary);
      await expect.poll(() => canvas.evaluate((element: HTMLCanvasElement) => element.width)).toBeGreaterThan(0);
      // One quarter (2022 Q4) is drawn with the seven before it.
      expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(8);
      await canvas.focus();
      await page.keyboard.press('End');
      const last = await page.getByTestId('trend-table').locator('tbody tr').last().locator('th').innerText();
      await expect.poll(() => page.getByTestId('trend-point').innerText()).toMatch(new RegExp(`^${last}: `));
      await shot(page, 'trends', 1280);
      await page.getByRole('link', { name: 'Map by police force area' }).click();
      await page.getByTestId('force-map').waitFor();
      expect(await page.getByTestId('force-table').locator('tbody tr').count()).toBeGreaterThan(10);
      await shot(page, 'map', 1280);
      await page.goBack();
      await page.getByTestId('trend-summary').waitFor();
      expect(new URL(page.url()).searchParams.get('view')).toBe('trends');
    });
  });

  describe('has no accessibility faults, at phone and desk widths', () => {
    for (const width of [320, 1280] as const) {
      describe(`at ${width} px`, () => {
        const walk = walkInSteps();
        let opened: { context: BrowserContext; page: Page };
        const found: string[] = [];

        beforeAll(async () => {
          opened = await stack.newPage({ viewport: { width, height: 800 } });
        });
        afterAll(async () => {
          await opened?.context.close();
          console.log(`axe on the figures at ${width} px: ${found.length} violations${found.length ? `\n${found.join('\n')}` : ''}`);
        });

        walk.step('the tables of 2022 Q4', async () => {
          await pickQuarter(opened.page);
          found.push(...(await violations(opened.page, 'tables')));
        });

        walk.step('a trend', async () => {
          const { page } = opened;
          await page.getByRole('link', { name: 'Trends' }).click();
          await page.getByTestId('trend-summary').waitFor();
          found.push(...(await violations(page, 'trends')));
          if (width === 320) await shot(page, 'trends', width);
        });

        walk.step('the map', async () => {
          const { page } = opened;
          await page.getByRole('link', { name: 'Map by police force area' }).click();
          await page.getByTestId('force-map').waitFor();
          found.push(...(await violations(page, 'map')));
          if (width === 320) await shot(page, 'map', width);
        });

        walk.step('the period picker with errors', async () => {
          const { page } = opened;
          await page.getByLabel('Dates from and to').check();
          await page.locator('#period-from').fill('31');
          await page.locator('#period-from-month').fill('2');
          await page.getByRole('button', { name: 'Show figures' }).click();
          await page.locator('.govuk-error-summary').waitFor();
          found.push(...(await violations(page, 'period with errors')));
          expect(found).toEqual([]);
        });
      });
    }
  });
});
