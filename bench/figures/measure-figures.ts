import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFiguresService } from '../../src/server/services/figures/figures.ts';
import { connectPostgres } from '../../src/server/storage/postgres.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import { openStorage, type Storage } from '../../src/server/storage/storage.ts';
import { parsePeriod } from '../../src/shared/figures/periods.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { freshTestSchema } from '../../tests/support/postgres.ts';
import { budgets } from '../budgets.ts';
import { counts } from '../lib/counts.ts';
import type { Figure } from '../lib/figure.ts';
import { print } from '../lib/print.ts';
import { percentile } from '../lib/stats.ts';
import { statisticalRecords } from './statistical-records.ts';

const YEARS = [2022, 2023, 2024, 2025, 2026];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Every table of the Figures section for one period, `samples` times after two warm-ups: the p95 in ms. */
async function p95(storage: Storage, period: string, samples: number): Promise<number> {
  // Suppression on, as a deployment runs it: the secondary step is part of the cost.
  const figures = createFiguresService({ statistics: storage.statistics, audit: storage.audit, threshold: 5, now: () => new Date() });
  const asked = parsePeriod(period)!;
  for (let i = 0; i < 2; i += 1) await figures.tables('bench', asked);
  const runs: number[] = [];
  for (let i = 0; i < samples; i += 1) runs.push(await timed(() => figures.tables('bench', asked)));
  return percentile(runs, 95);
}

/** Every table for a record year (25,000 referrals) and for five such years, on SQLite and PostgreSQL (docs/performance.md, "Budgets"; issue 15). */
export async function measureFigures(): Promise<Figure[]> {
  const records = statisticalRecords(seededRandom(15), YEARS, counts.figuresPerYear);
  const figures: Figure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'nrm-bench-figures-'));
  const pg = await freshTestSchema();
  try {
    // After a bulk write, what a running deployment's housekeeping (SQLite) or autovacuum (PostgreSQL) would have
    // done by the time anyone reads the figures: statistics for the planner and, on PostgreSQL, the visibility
    // map that lets a count read its index alone.
    const databases: [string, string, () => Promise<Storage>, (storage: Storage) => Promise<unknown>][] = [
      ['sqlite', 'SQLite', () => openStorage(connectSqlite(join(dir, 'figures.sqlite'))), (storage) => storage.refreshStatistics()],
      ['postgres', 'PostgreSQL', () => openStorage(connectPostgres({ url: pg.url, schema: pg.schema, poolMax: 4, onIdleClientError: () => undefined })), () => pg.query('vacuum analyze referral_statistics')],
    ];
    for (const [key, name, open, settle] of databases) {
      const storage = await open();
      try {
        print(`  ${name}: writing ${records.length.toLocaleString('en-GB')} statistical records`);
        await storage.statistics.insertMany(records);
        await settle(storage);
        const year = await p95(storage, '2026', counts.figuresSamples);
        const fiveYears = await p95(storage, '2022-01-01..2026-12-31', counts.figuresSamples);
        print(`  ${name}: a year ${year.toFixed(0)} ms, five years ${fiveYears.toFixed(0)} ms (p95)`);
        figures.push(
          { name: `figures.year.${key}`, label: `Figures: every table, one year of ${counts.figuresPerYear.toLocaleString('en-GB')} referrals, p95 (${name})`, value: Math.round(year), unit: 'ms', budget: budgets.figuresYearP95, baseline: null },
          { name: `figures.five-years.${key}`, label: `Figures: every table, five years, p95 (${name})`, value: Math.round(fiveYears), unit: 'ms', budget: budgets.figuresFiveYearsP95, baseline: null },
        );
      } finally {
        await storage.close();
      }
    }
  } finally {
    await pg.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
