import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { print } from '../lib/print.ts';
import { caseMaker, makeUnit, type Unit } from './case-rows.ts';

type Row = Record<string, unknown>;
const fields = (row: object) => row as Row;

/** Raw SQL into a migrated database, bypassing the server: what it takes to fill 100,000 cases in a minute or two. */
export interface RawTarget {
  name: string;
  /** Inserts rows of one table (all with the same columns), inside the current transaction if any. */
  insert(table: string, rows: readonly object[]): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  /**
   * What the database's own upkeep does after such growth, before the server opens it: PostgreSQL's
   * autovacuum; on SQLite nothing, as the server itself gathers the statistics when it opens the file.
   */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

export function sqliteTarget(file: string): RawTarget {
  // Opened as the server opens it (src/server/storage/sqlite.ts): WAL, synchronous=FULL, foreign keys on.
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    name: 'SQLite',
    async insert(table, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      const key = `${table}(${columns.join(',')})`;
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((column) => `@${column}`).join(', ')})`);
        statements.set(key, statement);
      }
      for (const row of rows) statement.run(fields(row));
    },
    async begin() {
      db.exec('begin');
    },
    async commit() {
      db.exec('commit');
    },
    async maintain() {
      // No ANALYZE here: connectSqlite's `pragma optimize` gathers the statistics when the bench opens the
      // file as the server does, exactly as much as it would on a deployment.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      db.close();
    },
  };
}

/** PostgreSQL allows 65,535 parameters a statement; 500 referrals of ~25 KB are a 13 MB statement, which is plenty. */
const MAX_PARAMETERS = 60_000;
const MAX_ROWS = 500;

export async function postgresTarget(url: string, schema: string): Promise<RawTarget> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`set search_path to ${schema}`);
  return {
    name: 'PostgreSQL',
    async insert(table, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
      for (let start = 0; start < rows.length; start += perStatement) {
        const slice = rows.slice(start, start + perStatement);
        const values: unknown[] = [];
        const tuples = slice.map((row) => `(${columns.map((column) => `$${values.push(fields(row)[column])}`).join(', ')})`);
        await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, values);
      }
    },
    async begin() {
      await client.query('begin');
    },
    async commit() {
      await client.query('commit');
    },
    async maintain() {
      // What autovacuum does after a table grows by inserts (PostgreSQL 13 on): vacuum (visibility map) and analyze.
      await client.query('vacuum analyze');
    },
    async close() {
      await client.end();
    },
  };
}

export interface Filled {
  unit: Unit;
  /** Every hundredth reference, to search for as a caseworker would. */
  references: string[];
}

/**
 * Fills a migrated, empty database with a decision unit and `count` referrals with their cases, in
 * transactions of `batch` cases, so that no more than one batch is ever in memory; then does what the
 * database's own upkeep would (RawTarget.maintain).
 */
export async function fillCases(target: RawTarget, count: number, now: Date, envelope: string, batch = 5_000): Promise<Filled> {
  const start = performance.now();
  const unit = makeUnit(now);
  await target.begin();
  await target.insert('organisations', unit.organisations);
  await target.insert('users', unit.users);
  await target.insert('devices', unit.devices);
  await target.commit();
  const make = caseMaker(unit, now);
  const references: string[] = [];
  let reported = 0;
  for (let done = 0; done < count; ) {
    const size = Math.min(batch, count - done);
    const made = Array.from({ length: size }, () => make(envelope));
    await target.begin();
    await target.insert('referrals', made.map((one) => one.referral));
    await target.insert('cases', made.map((one) => one.case));
    await target.insert('case_events', made.map((one) => one.event));
    await target.commit();
    made.forEach((one, i) => {
      if ((done + i) % 100 === 0) references.push(one.referral.reference);
    });
    done += size;
    if (done - reported >= count / 5 || done === count) {
      reported = done;
      print(`    ${target.name}: ${done.toLocaleString('en-GB')} / ${count.toLocaleString('en-GB')} cases (${((performance.now() - start) / 1000).toFixed(0)} s)`);
    }
  }
  const maintaining = performance.now();
  await target.maintain();
  print(`    ${target.name}: upkeep after the fill in ${((performance.now() - maintaining) / 1000).toFixed(1)} s`);
  return { unit, references };
}
