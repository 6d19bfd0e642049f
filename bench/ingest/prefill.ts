import { INSERT_ROW, referralRows, storedEnvelope } from './referral-rows.ts';
import { openMigratedSqlite } from './sqlite-file.ts';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Fills a fresh database with `count` referrals received over the past year, in one transaction,
 * straight through SQLite: the server then starts on a database that has already grown.
 */
export async function prefillReferrals(file: string, count: number): Promise<void> {
  const db = await openMigratedSqlite(file);
  try {
    const insert = db.prepare(INSERT_ROW);
    const from = Date.now() - YEAR_MS;
    const step = YEAR_MS / count;
    const chunk = 10_000;
    const envelope = await storedEnvelope();
    // In slices, so 100k rows of 15 KB are never all in memory at once; still one transaction.
    db.transaction(() => {
      for (let done = 0; done < count; done += chunk) {
        const rows = referralRows(Math.min(chunk, count - done), (i) => from + (done + i) * step, envelope, done);
        for (const row of rows) insert.run(row);
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
