import { resolve } from 'node:path';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/** For each database file, how many of this process's connections hold or wait for it, and the last in line. */
const queues = new Map<string, { waiting: number; last: Promise<void> }>();

/** Resolves once every connection that asked for the file earlier has given it back; returns the giving back. */
async function takeTurn(file: string): Promise<() => void> {
  const queue = queues.get(file) ?? { waiting: 0, last: Promise.resolve() };
  queues.set(file, queue);
  queue.waiting += 1;
  const before = queue.last;
  let handOn = (): void => undefined;
  queue.last = new Promise<void>((done) => {
    handOn = done;
  });
  await before;
  return () => {
    queue.waiting -= 1;
    if (queue.waiting === 0) queues.delete(file);
    handOn();
  };
}

/**
 * better-sqlite3 waits for another connection's lock by blocking the thread (busy_timeout), so a
 * connection of this process waiting for another connection of this process would wait in vain: the
 * holder cannot run until the wait ends. The connections of one process to one file therefore take
 * turns, a query or a whole transaction at a time (the server opens one; tests open several).
 */
class TurnTakingDriver extends SqliteDriver {
  readonly #file: string;
  readonly #database: SqliteDialectConfig['database'];
  #giveBack: (() => void) | undefined;

  constructor(config: SqliteDialectConfig, file: string) {
    super(config);
    this.#file = file;
    this.#database = config.database;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const giveBack = await takeTurn(this.#file);
    const connection = await super.acquireConnection();
    this.#giveBack = giveBack;
    return connection;
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.#giveBack?.();
    this.#giveBack = undefined;
  }

  /**
   * Every transaction here writes. Taking the write lock at `begin` lets busy_timeout wait for another
   * process's writer (the admin command line); a deferred transaction that read first would instead
   * fail at once when it came to write.
   */
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * SQLite ends the transaction itself when a statement fails for want of room or of a disk (SQLITE_FULL,
   * SQLITE_IOERR…); a `rollback` then would fail too, and its complaint would hide why the write failed.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const database = this.#database as { inTransaction?: unknown };
    if (database.inTransaction === false) return;
    await super.rollbackTransaction(connection);
  }
}

/** Kysely's SQLite dialect, with this process's connections to one file taking turns. */
export class TurnTakingSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #file: string;

  constructor(config: SqliteDialectConfig, file: string) {
    super(config);
    this.#config = config;
    this.#file = resolve(file);
  }

  override createDriver(): Driver {
    return new TurnTakingDriver(this.#config, this.#file);
  }
}
