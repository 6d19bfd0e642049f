import { sql, type Kysely } from 'kysely';
import { backfillCases } from '../../case-backfill.ts';

const ROLES_BEFORE = sql`role in ('responder', 'caseworker', 'reviewer', 'analyst', 'admin')`;
const ROLES_AFTER = sql`role in ('responder', 'caseworker', 'reviewer', 'panel', 'analyst', 'admin')`;

/**
 * SQLite cannot change a CHECK constraint, so `users` is rebuilt the way its manual says (section 7 of
 * "ALTER TABLE"): foreign keys off, a new table, copy, drop, rename, then prove every foreign key still
 * holds before committing. Sessions, devices and one-time codes keep pointing at `users` by name.
 */
async function rebuildUsers(db: Kysely<unknown>, roles: typeof ROLES_AFTER): Promise<void> {
  await db.schema
    .createTable('users_rebuilt')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('role', 'text', (col) => col.notNull().check(roles))
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await sql`insert into users_rebuilt (id, organisation_id, email, role, password_hash, created_at)
    select id, organisation_id, email, role, password_hash, created_at from users`.execute(db);
  await sql`drop table users`.execute(db);
  await sql`alter table users_rebuilt rename to users`.execute(db);
}

async function appendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  const message = sql.lit(`${table} is append-only`);
  await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.table(table)} begin select raise(abort, ${message}); end`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)} begin select raise(abort, ${message}); end`.execute(db);
}

async function createTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('referral_id', 'text', (col) => col.primaryKey().references('referrals.id'))
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('held_by', 'text', (col) => col.references('users.id'))
    .addColumn('organisation_id', 'text', (col) => col.references('organisations.id'))
    .addColumn('age_group', 'text', (col) => col.notNull().check(sql`age_group in ('under-18', '18-or-over', 'not-known')`))
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addColumn('due_on', 'text')
    .addColumn('due_kind', 'text', (col) => col.check(sql`due_kind in ('rg-due', 'cg-not-before')`))
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('progress', 'text', (col) => col.notNull())
    .addColumn('progress_changed_at', 'text', (col) => col.notNull())
    .execute();
  // The queue: each filter with the due date it is sorted by, so one page of 100,000 cases reads an index range.
  await sql`create index cases_stage_due on cases (stage, due_on)`.execute(db);
  await sql`create index cases_held_by_due on cases (held_by, due_on)`.execute(db);
  await sql`create index cases_organisation_due on cases (organisation_id, due_on)`.execute(db);
  await sql`create index cases_path_due on cases (path, due_on)`.execute(db);
  await sql`create index cases_due on cases (due_on)`.execute(db);
  await sql`create index cases_received_at on cases (received_at)`.execute(db);

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('referral_id', 'text', (col) => col.notNull().references('cases.referral_id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (col) => col.notNull())
    .addColumn('detail', 'text')
    .execute();
  await sql`create index case_events_referral on case_events (referral_id, version)`.execute(db);
  await appendOnly(db, 'case_events');

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('referral_id', 'text', (col) => col.notNull().references('cases.referral_id'))
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('author', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .execute();
  await sql`create index case_notes_referral on case_notes (referral_id, id)`.execute(db);
  await appendOnly(db, 'case_notes');

  await db.schema
    .createTable('person_keys')
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('referral_id', 'text', (col) => col.notNull().references('cases.referral_id'))
    .addPrimaryKeyConstraint('person_keys_pkey', ['key', 'referral_id'])
    .execute();
  await db.schema
    .createTable('person_features')
    .addColumn('referral_id', 'text', (col) => col.primaryKey().references('cases.referral_id'))
    .addColumn('sealed', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('possible_matches')
    .addColumn('referral_id', 'text', (col) => col.notNull().references('cases.referral_id'))
    .addColumn('other_id', 'text', (col) => col.notNull().references('cases.referral_id'))
    .addColumn('score', 'real', (col) => col.notNull())
    .addColumn('reasons', 'text', (col) => col.notNull())
    .addColumn('found_at', 'text', (col) => col.notNull())
    .addColumn('verdict', 'text', (col) => col.check(sql`verdict in ('same-person', 'not-same')`))
    .addColumn('decided_by', 'text', (col) => col.references('users.id'))
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('possible_matches_pkey', ['referral_id', 'other_id'])
    .execute();

  // The Duty to Notify list (no identifying data: a force and a nation), newest first.
  await db.schema.alterTable('referrals').addColumn('police_force_area', 'text').execute();
  await db.schema.alterTable('referrals').addColumn('nation', 'text').execute();
  await sql`create index referrals_path_received_at on referrals (path, received_at)`.execute(db);
}

/** Foreign keys are switched off around the rebuild (they cannot be inside a transaction) and proven after it. */
async function withoutForeignKeys(db: Kysely<unknown>, change: (trx: Kysely<unknown>) => Promise<void>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await change(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`Migration 0008 would break ${broken.rows.length} foreign key(s); nothing was changed`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/**
 * Casework (issue 13): the 'panel' role, cases beside their referrals, their append-only history and
 * notes, the possible-same-person index, and the Duty to Notify list's columns. Referrals received
 * before it get their case here. One transaction: a failure leaves the database as it was.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withoutForeignKeys(db, async (trx) => {
    await rebuildUsers(trx, ROLES_AFTER);
    await createTables(trx);
    await backfillCases(trx);
  });
}

/** Refused (and nothing changed) while a panel member's account exists: remove it first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await withoutForeignKeys(db, async (trx) => {
    for (const table of ['possible_matches', 'person_features', 'person_keys', 'case_notes', 'case_events', 'cases']) await trx.schema.dropTable(table).execute();
    await sql`drop index referrals_path_received_at`.execute(trx);
    await trx.schema.alterTable('referrals').dropColumn('nation').execute();
    await trx.schema.alterTable('referrals').dropColumn('police_force_area').execute();
    await rebuildUsers(trx, ROLES_BEFORE);
  });
}
