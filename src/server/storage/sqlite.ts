import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { sqliteMigrations } from './migrations/sqlite/index.ts';
import type { Database } from './schema.ts';
import { TurnTakingSqliteDialect } from './sqlite-dialect.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';
import { privateDatabaseFile } from './private-files.ts';
import type { StorageConnection } from './storage-connection.ts';

function isReferenceCollision(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes('referrals.reference')
  );
}

/**
 * Opens (creating if needed) the embedded database, owner-only (0600 in a 0700 folder). WAL with
 * synchronous=FULL makes every commit reach the disk before the statement returns, so a receipt is never
 * sent for a row a power cut could lose.
 *
 * SQLite gathers no statistics by itself, and without them its planner guesses how selective each index
 * is (and a wrong guess reads every case). `pragma optimize` brings them up to date where a table has
 * changed enough to need it, with a bounded sample (SQLite 3.46 on): at open for every table (0x10002,
 * as SQLite advises for a long-lived connection), then periodically (`refreshStatistics`, called by the
 * housekeeping) for the tables this connection has used.
 */
export function connectSqlite(file: string): StorageConnection {
  privateDatabaseFile(file);
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new TurnTakingSqliteDialect({ database: withStatementCache(sqlite) }, file) });
  return {
    db,
    migrations: sqliteMigrations,
    isReferenceCollision,
    // Through Kysely, so it takes its turn with this process's other queries and transactions.
    refreshStatistics: async () => {
      await sql`pragma optimize`.execute(db);
    },
    freeDiskBytes: async () => {
      const disk = await statfs(dirname(file));
      return disk.bavail * disk.bsize;
    },
  };
}
