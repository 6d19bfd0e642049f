import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { sqliteMigrations } from './migrations/sqlite/index.ts';
import type { Database } from './schema.ts';
import { TurnTakingSqliteDialect } from './sqlite-dialect.ts';
import type { StorageConnection } from './storage-connection.ts';

function isReferenceCollision(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes('referrals.reference')
  );
}

/**
 * Opens (creating if needed) the embedded database. WAL with synchronous=FULL makes every commit
 * reach the disk before the statement returns, so a receipt is never sent for a row a power cut could lose.
 */
export function connectSqlite(file: string): StorageConnection {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new TurnTakingSqliteDialect({ database: sqlite }, file) });
  return { db, migrations: sqliteMigrations, isReferenceCollision };
}
