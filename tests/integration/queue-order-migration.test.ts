import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { addCalendarDays, type Day } from '../../src/shared/casework/clock.ts';
import { openCase, type CaseState } from '../../src/shared/casework/machine.ts';
import { progressOf } from '../../src/shared/casework/progress-of.ts';
import type { QueueFilter } from '../../src/server/storage/case-store.ts';
import { stateColumns } from '../../src/server/storage/case-columns.ts';
import { migrateToLatest } from '../../src/server/storage/migrate.ts';
import { connectPostgres } from '../../src/server/storage/postgres.ts';
import type { Database } from '../../src/server/storage/schema.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import type { StorageConnection } from '../../src/server/storage/storage-connection.ts';
import { openStorage } from '../../src/server/storage/storage.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { freshTestSchema, type TestSchema } from '../support/postgres.ts';

interface Target {
  name: string;
  connect(): Promise<StorageConnection>;
  /** The names of the indexes on `cases`, other than its primary key's. */
  indexes(db: Kysely<Database>): Promise<string[]>;
  cleanUp(): Promise<void>;
}

function sqliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-field-queue-order-'));
  return {
    name: 'SQLite',
    connect: async () => connectSqlite(join(dir, 'queue.sqlite')),
    async indexes(db) {
      const { rows } = await sql<{ name: string }>`select name from sqlite_schema where type = 'index' and tbl_name = 'cases' and sql is not null`.execute(db);
      return rows.map((row) => row.name).sort();
    },
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresTarget(): Target {
  let schema: TestSchema | undefined;
  return {
    name: 'PostgreSQL',
    async connect() {
      schema ??= await freshTestSchema();
      return connectPostgres({ url: schema.url, schema: schema.schema, poolMax: 2, onIdleClientError: (error) => { throw error; } });
    },
    async indexes(db) {
      const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'cases' and indexname <> 'cases_pkey'`.execute(db);
      return rows.map((row) => row.name).sort();
    },
    cleanUp: async () => schema?.drop(),
  };
}

const INDEXES_0008 = ['cases_due', 'cases_held_by_due', 'cases_organisation_due', 'cases_path_due', 'cases_received_at', 'cases_stage_due'];
const INDEXES_0009 = ['cases_due_order', 'cases_held_by_order', 'cases_organisation_order', 'cases_path_order', 'cases_queue_filters', 'cases_received_order', 'cases_stage_order'];

interface Made {
  id: string;
  receivedAt: string;
  dueOn: Day | null;
  path: 'child' | 'adult-nrm';
  heldBy: string | null;
  stage: string;
}

/** What the queue must show, computed here rather than by the database: due first (undated last), then received, then id. */
function expected(cases: readonly Made[], sort: 'due' | 'received', keep: (made: Made) => boolean): string[] {
  const by = (a: Made, b: Made) => (a.receivedAt === b.receivedAt ? (a.id < b.id ? -1 : 1) : a.receivedAt < b.receivedAt ? -1 : 1);
  const kept = cases.filter(keep);
  if (sort === 'received') return [...kept].sort(by).map((made) => made.id);
  const dated = kept.filter((made) => made.dueOn !== null).sort((a, b) => (a.dueOn === b.dueOn ? by(a, b) : (a.dueOn as Day) < (b.dueOn as Day) ? -1 : 1));
  const undated = kept.filter((made) => made.dueOn === null).sort(by);
  return [...dated, ...undated].map((made) => made.id);
}

describe.each([sqliteTarget(), postgresTarget()])('migration 0009 (queue order) on $name', (target) => {
  afterAll(() => target.cleanUp());

  it('replaces the queue indexes with ones of the whole sort order, keeps every page in that order, and goes back down and up again', async () => {
    const before = await target.connect();
    await migrateToLatest({ ...before, migrations: Object.fromEntries(Object.entries(before.migrations).filter(([name]) => name < '0009')) });
    expect(await target.indexes(before.db)).toEqual(INDEXES_0008);

    const at = '2026-03-02T10:00:00.000Z';
    const organisation = uuidv7();
    const people = [uuidv7(), uuidv7()];
    await before.db.insertInto('organisations').values({ id: organisation, name: 'Leeds City Council', created_at: at }).execute();
    await before.db
      .insertInto('users')
      .values(people.map((id, i) => ({ id, organisation_id: organisation, email: `caseworker${i}@example.org`, role: 'caseworker' as const, password_hash: null, created_at: at })))
      .execute();
    // Few days and times, so that many cases share a due date and some a received time: the ties are what the id orders.
    const random = seededRandom(9);
    const pick = <T,>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)] as T;
    const made: Made[] = [];
    for (let i = 0; i < 60; i += 1) {
      const day = addCalendarDays('2026-03-02', pick([0, 1, 2]));
      const receivedAt = `${day}T${pick(['09:00', '09:00', '11:30'])}:00.000Z`;
      const path = pick(['child', 'adult-nrm'] as const);
      const heldBy = pick([null, ...people]);
      const opened = openCase(path, day);
      const state: CaseState = pick([true, true, false]) ? { ...opened, heldBy } : { ...opened, stage: 'withdrawn', heldBy };
      const columns = stateColumns(state);
      const id = uuidv7();
      await before.db
        .insertInto('referrals')
        .values({ id, reference: `NRM-AAAA-${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`, path, schema_version: 3, submitted_at: receivedAt, received_at: receivedAt, digest: 'd'.repeat(64), envelope: '{"format":"hpke"}', status_changed_at: receivedAt, device_id: null })
        .execute();
      await before.db
        .insertInto('cases')
        .values({ referral_id: id, ...columns, organisation_id: organisation, age_group: path === 'child' ? 'under-18' : '18-or-over', path, received_at: receivedAt, progress: JSON.stringify(progressOf(state)), progress_changed_at: receivedAt })
        .execute();
      made.push({ id, receivedAt, dueOn: columns.due_on, path, heldBy, stage: state.stage });
    }
    await before.db.destroy();

    const connection = await target.connect();
    const storage = await openStorage(connection);
    try {
      expect(await target.indexes(connection.db)).toEqual(INDEXES_0009);
      if (target.name === 'SQLite') {
        // Gathered by the migration itself, so the planner does not guess until the next `pragma optimize`.
        const { rows } = await sql<{ idx: string }>`select idx from sqlite_stat1 where tbl = 'cases'`.execute(connection.db);
        expect(rows.map((row) => row.idx)).toEqual(expect.arrayContaining(INDEXES_0009));
      }

      /** Every page of five, one after another, as the desk would turn them. */
      const paged = async (filter: Omit<QueueFilter, 'offset' | 'limit'>) => {
        const ids: string[] = [];
        for (let offset = 0; ; offset += 5) {
          const { rows, total } = await storage.cases.queue({ ...filter, offset, limit: 5 });
          ids.push(...rows.map((row) => row.id));
          if (offset + 5 >= total) return { ids, total };
        }
      };
      const [someone] = people;
      const views: [Omit<QueueFilter, 'offset' | 'limit'>, (one: Made) => boolean][] = [
        [{ sort: 'due' }, () => true],
        [{ sort: 'received' }, () => true],
        [{ sort: 'due', heldBy: null, path: 'child' }, (one) => one.heldBy === null && one.path === 'child'],
        [{ sort: 'received', heldBy: someone }, (one) => one.heldBy === someone],
        [{ sort: 'due', stage: 'rg-pending', organisation: 'Leeds City Council' }, (one) => one.stage === 'rg-pending'],
      ];
      const check = async () => {
        for (const [filter, keep] of views) {
          const want = expected(made, filter.sort, keep);
          expect(want.length, JSON.stringify(filter)).toBeGreaterThan(5);
          expect(await paged(filter), JSON.stringify(filter)).toEqual({ ids: want, total: want.length });
        }
      };
      await check();

      const migration = connection.migrations['0009-queue-order'];
      if (!migration?.down) throw new Error('0009-queue-order has no down');
      await migration.down(connection.db as Kysely<unknown>);
      expect(await target.indexes(connection.db)).toEqual(INDEXES_0008);
      await check();
      await migration.up(connection.db as Kysely<unknown>);
      expect(await target.indexes(connection.db)).toEqual(INDEXES_0009);
      await check();
    } finally {
      await storage.close();
    }
  });
});
