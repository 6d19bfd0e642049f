import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept; past it the cache starts again (lists of ids make SQL texts without end). */
const MAX_STATEMENTS = 500;

/**
 * The database as Kysely's SQLite dialect sees it, with each SQL text prepared once and its statement
 * reused: Kysely prepares every query afresh, and compiling the SQL cost more on intake than running
 * it. A statement being iterated (a streamed query) is busy, so one is prepared beside it for that turn.
 * `inTransaction` is passed through for the dialect's rollback (sqlite-dialect.ts).
 */
export function withStatementCache(db: BetterSqlite3.Database): SqliteDatabase & { readonly inTransaction: boolean } {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    get inTransaction() {
      return db.inTransaction;
    },
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const kept = statements.get(sql);
      if (kept && !kept.busy) return kept;
      const statement = db.prepare(sql);
      if (kept) return statement;
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(sql, statement);
      return statement;
    },
  };
}
