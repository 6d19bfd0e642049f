import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { connectPostgres } from '../../src/server/storage/postgres.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import { openStorage, type Storage } from '../../src/server/storage/storage.ts';
import { freshTestSchema, type TestSchema } from './postgres.ts';

/**
 * One storage backend, fresh for this run; `open` may be called again for a second instance on the
 * same database; `sql` runs raw SQL on it, to check what the database itself allows.
 */
export interface Backend {
  name: string;
  setUp(): Promise<void>;
  open(): Promise<Storage>;
  sql(text: string): Promise<void>;
  /** Runs a query and gives back its rows as the database stores them. */
  rows(text: string): Promise<Record<string, unknown>[]>;
  /** SQLite only: the database file (its WAL beside it, with `-wal`), to read what a thief would. */
  file?: () => string;
  tearDown(): Promise<void>;
}

export function sqliteBackend(): Backend {
  let dir = '';
  const file = () => join(dir, 'contract.sqlite');
  return {
    name: 'SQLite',
    async setUp() {
      dir = mkdtempSync(join(tmpdir(), 'nrm-field-contract-'));
    },
    open: () => openStorage(connectSqlite(file())),
    async sql(text) {
      const db = new BetterSqlite3(file());
      try {
        db.exec(text);
      } finally {
        db.close();
      }
    },
    async rows(text) {
      const db = new BetterSqlite3(file(), { readonly: true });
      try {
        return db.prepare(text).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    file,
    async tearDown() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(): Backend {
  let target: TestSchema | undefined;
  const schema = () => {
    if (!target) throw new Error('setUp did not run');
    return target;
  };
  return {
    name: 'PostgreSQL',
    async setUp() {
      target = await freshTestSchema();
    },
    open() {
      const { url, schema: name } = schema();
      return openStorage(
        connectPostgres({
          url,
          schema: name,
          poolMax: 4,
          // A connection dying mid-run is a fault of the run: let it surface as an uncaught error.
          onIdleClientError: (error) => {
            throw error;
          },
        }),
      );
    },
    async sql(text) {
      await schema().query(text);
    },
    rows: (text) => schema().query(text),
    async tearDown() {
      await target?.drop();
    },
  };
}
