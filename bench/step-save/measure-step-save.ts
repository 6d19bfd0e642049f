import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { launchChromium } from '../../tests/support/browser.ts';
import { freePort } from '../../tests/support/server-process.ts';
import { NARRATIVE_MAX } from '../../src/shared/referral.ts';
import { budgets } from '../budgets.ts';
import { counts } from '../lib/counts.ts';
import type { Figure } from '../lib/figure.ts';
import { percentile, summarise } from '../lib/stats.ts';
import './bench-api.ts';

const CONFIG = resolve(import.meta.dirname, 'vite.config.ts');
const WARM_UP_SAVES = 20;

/** Saves a step with a full-length narrative in Chromium through src/store, against a bare IndexedDB put. */
export async function measureStepSave(): Promise<Figure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'nrm-bench-save-'));
  await build({ configFile: CONFIG, build: { outDir } });
  const server = await preview({ configFile: CONFIG, build: { outDir }, preview: { host: '127.0.0.1', port: await freePort(), strictPort: true } });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.resolvedUrls?.local[0] ?? '');
    await page.waitForFunction(() => window.stepSaveBench !== undefined);
    const run = (kind: 'storeSaves' | 'barePuts', count: number) =>
      page.evaluate(({ kind, count, length }) => window.stepSaveBench?.[kind](count, length) ?? Promise.reject(new Error('no harness')), { kind, count, length: NARRATIVE_MAX });

    await run('storeSaves', WARM_UP_SAVES);
    await run('barePuts', WARM_UP_SAVES);
    const store: number[][] = [];
    const bare: number[][] = [];
    // Alternated, so a burst of load from elsewhere on the machine hits both alike.
    for (let round = 0; round < counts.stepSaveRounds; round += 1) {
      store.push(await run('storeSaves', counts.stepSaves));
      bare.push(await run('barePuts', counts.stepSaves));
    }
    const at = (rounds: number[][], p: number) => summarise(rounds.map((durations) => percentile(durations, p)));
    const note = `${counts.stepSaves} saves a round, ${NARRATIVE_MAX.toLocaleString('en-GB')}-character narrative; spread is across rounds`;
    const p95 = at(store, 95);
    const p50 = at(store, 50);
    return [
      { name: 'step-save.p95', label: 'Save one step (encrypt + IndexedDB), 15,000-char narrative, p95', unit: 'ms', ...p95, budget: budgets.stepSaveP95, baseline: at(bare, 95).value, baselineLabel: '(bare IndexedDB put)', note },
      { name: 'step-save.p50', label: 'Save one step (encrypt + IndexedDB), 15,000-char narrative, p50', unit: 'ms', ...p50, budget: null, baseline: at(bare, 50).value, baselineLabel: '(bare IndexedDB put)', note },
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
