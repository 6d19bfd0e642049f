import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../lib/stats.ts';
import { INSERT_ROW, referralRows, storedEnvelope } from './referral-rows.ts';
import { openMigratedSqlite } from './sqlite-file.ts';

export interface InsertRun {
  rate: number;
  p50: number;
  p99: number;
}

/** The floor under ingest: the same rows inserted straight into SQLite, one durable commit each, no HTTP. */
export async function rawSqliteInserts(count: number): Promise<InsertRun> {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-bench-raw-'));
  const db = await openMigratedSqlite(join(dir, 'raw.sqlite'));
  try {
    const insert = db.prepare(INSERT_ROW);
    const now = Date.now();
    const rows = referralRows(count, (i) => now + i, await storedEnvelope());
    const durations: number[] = [];
    const start = performance.now();
    for (const row of rows) {
      const before = performance.now();
      insert.run(row);
      durations.push(performance.now() - before);
    }
    const seconds = (performance.now() - start) / 1000;
    return { rate: count / seconds, p50: percentile(durations, 50), p99: percentile(durations, 99) };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
