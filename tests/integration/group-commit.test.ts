import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGroupCommitter } from '../../src/server/storage/group-commit.ts';
import { migrateToLatest } from '../../src/server/storage/migrate.ts';
import { connectPostgres } from '../../src/server/storage/postgres.ts';
import type { Database } from '../../src/server/storage/schema.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import type { StorageConnection } from '../../src/server/storage/storage-connection.ts';
import { freshTestSchema } from '../support/postgres.ts';

const cleanUps: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
});

const backends: Record<string, () => Promise<StorageConnection>> = {
  SQLite: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nrm-group-commit-'));
    cleanUps.push(async () => rmSync(dir, { recursive: true, force: true }));
    return connectSqlite(join(dir, 'db.sqlite'));
  },
  PostgreSQL: async () => {
    const target = await freshTestSchema();
    cleanUps.push(() => target.drop());
    return connectPostgres({ url: target.url, schema: target.schema, poolMax: 4, onIdleClientError: () => undefined });
  },
};

async function database(backend: string): Promise<Kysely<Database>> {
  const connection = await (backends[backend] as () => Promise<StorageConnection>)();
  await migrateToLatest(connection);
  cleanUps.push(() => connection.db.destroy());
  return connection.db;
}

/** A small write of its own: a row of health_checks (a table with nothing hanging on it). */
const write = (name: string) => (trx: Kysely<Database>) => trx.insertInto('health_checks').values({ name, checked_at: '2026-12-05T00:00:00.000Z' }).execute();

async function names(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('health_checks').select('name').orderBy('name').execute()).map((row) => row.name);
}

describe.each(Object.keys(backends))('group commit on %s', (backend) => {
  it('puts work queued at the same moment into one transaction, and answers each once it is committed', async () => {
    const db = await database(backend);
    const transactions = vi.spyOn(db, 'transaction');
    const commits = createGroupCommitter(db);
    const work = Array.from({ length: 20 }, (_, i) => `w${String(i).padStart(2, '0')}`);
    await Promise.all(
      work.map((name) =>
        commits.run(async (trx) => {
          await write(name)(trx);
          return name;
        }),
      ),
    );
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(await names(db)).toEqual(work);
  });

  it('undoes only the writes of work that fails, the others of its transaction stay', async () => {
    const db = await database(backend);
    const commits = createGroupCommitter(db);
    const [first, failing, broken, last] = await Promise.allSettled([
      commits.run(write('a')),
      commits.run(async (trx) => {
        await write('b')(trx);
        throw new Error('refused after writing');
      }),
      // A statement the database refuses (the name is taken): PostgreSQL aborts the whole transaction unless a savepoint is undone.
      commits.run(write('a')),
      commits.run(write('c')),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(failing).toMatchObject({ status: 'rejected', reason: new Error('refused after writing') });
    expect(broken.status).toBe('rejected');
    expect(last.status).toBe('fulfilled');
    expect(await names(db)).toEqual(['a', 'c']);
  });

  it('runs work alone when its shared transaction cannot commit, so one bad piece does not sink the rest', async () => {
    const db = await database(backend);
    const commits = createGroupCommitter(db);
    const transactions = vi.spyOn(db, 'transaction');
    let calls = 0;
    const results = await Promise.allSettled([
      commits.run(write('a')),
      // The first time, ends the transaction under the others (as SQLite does itself when the disk is full), so even its savepoint cannot be undone.
      commits.run(async (trx) => {
        calls += 1;
        if (calls === 1) {
          await sql`rollback`.execute(trx);
          throw new Error('disk full');
        }
        await write('b')(trx);
      }),
      commits.run(write('c')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(transactions).toHaveBeenCalledTimes(4);
    expect(await names(db)).toEqual(['a', 'b', 'c']);
  });
});
