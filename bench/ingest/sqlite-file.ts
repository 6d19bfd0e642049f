import BetterSqlite3 from 'better-sqlite3';
import { migrateToLatest } from '../../src/server/storage/migrate.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';

/** A SQLite file with the server's own schema (its migrations), opened as the server opens it: WAL, synchronous=FULL. */
export async function openMigratedSqlite(file: string): Promise<BetterSqlite3.Database> {
  const connection = connectSqlite(file);
  await migrateToLatest(connection);
  await connection.db.destroy();
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}
