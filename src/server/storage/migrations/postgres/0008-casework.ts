import { sql, type Kysely } from 'kysely';
import { backfillCases } from '../../case-backfill.ts';

// ISO 8601 text compared byte by byte, as in 0001-referrals.ts.
const isoTime = sql`text collate "C"`;

async function allowRoles(db: Kysely<unknown>, roles: readonly string[]): Promise<void> {
  // The name PostgreSQL gave the column's check in 0002-accounts.ts.
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in (${sql.join(roles.map((role) => sql.lit(role)))}))`.execute(db);
}

async function appendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)} for each row execute function casework_refuse_change()`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)} for each statement execute function casework_refuse_change()`.execute(db);
}

/**
 * Casework (issue 13): the 'panel' role, cases beside their referrals, their append-only history and
 * notes, the possible-same-person index, and the Duty to Notify list's columns. Referrals received
 * before it get their case here, in the migration's transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await allowRoles(db, ['responder', 'caseworker', 'reviewer', 'panel', 'analyst', 'admin']);

  await db.schema
    .createTable('cases')
    .addColumn('referral_id', 'text', (col) => col.primaryKey().references('referrals.id'))
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('held_by', 'text', (col) => col.references('users.id'))
    .addColumn('organisation_id', 'text', (col) => col.references('organisations.id'))
    .addColumn('age_group', 'text', (col) => col.notNull().check(sql`age_group in ('under-18', '18-or-over', 'not-known')`))
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('received_at', isoTime, (col) => col.notNull())
    .addColumn('due_on', isoTime)
    .addColumn('due_kind', 'text', (col) => col.check(sql`due_kind in ('rg-due', 'cg-not-before')`))
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('progress', 'text', (col) => col.notNull())
    .addColumn('progress_changed_at', isoTime, (col) => col.notNull())
    .execute();
  // The queue: each filter with the due date it is sorted by, so one page of 100,000 cases reads an index range.
  await sql`create index cases_stage_due on cases (stage, due_on)`.execute(db);
  await sql`create index cases_held_by_due on cases (held_by, due_on)`.execute(db);
  await sql`create index cases_organisation_due on cases (organisation_id, due_on)`.execute(db);
  await sql`create index cases_path_due on cases (path, due_on)`.execute(db);
  await sql`create index cases_due on cases (due_on)`.execute(db);
  await sql`create index cases_received_at on cases (received_at)`.execute(db);

  await sql`
    create function casework_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only (% refused)', tg_table_name, tg_op;
    end
    $$`.execute(db);

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('referral_id', 'text', (col) => col.notNull().references('cases.referral_id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('at', isoTime, (col) => col.notNull())
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
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('referral_id', 'text', (col) => col.notNull().references('cases.referral_id'))
    .addColumn('at', isoTime, (col) => col.notNull())
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
    .addColumn('score', 'double precision', (col) => col.notNull())
    .addColumn('reasons', 'text', (col) => col.notNull())
    .addColumn('found_at', isoTime, (col) => col.notNull())
    .addColumn('verdict', 'text', (col) => col.check(sql`verdict in ('same-person', 'not-same')`))
    .addColumn('decided_by', 'text', (col) => col.references('users.id'))
    .addColumn('decided_at', isoTime)
    .addPrimaryKeyConstraint('possible_matches_pkey', ['referral_id', 'other_id'])
    .execute();

  // The Duty to Notify list (no identifying data: a force and a nation), newest first.
  await db.schema.alterTable('referrals').addColumn('police_force_area', 'text').execute();
  await db.schema.alterTable('referrals').addColumn('nation', 'text').execute();
  await sql`create index referrals_path_received_at on referrals (path, received_at)`.execute(db);

  await backfillCases(db);
}

/** Refused (and nothing changed) while a panel member's account exists: remove it first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['possible_matches', 'person_features', 'person_keys', 'case_notes', 'case_events', 'cases']) await db.schema.dropTable(table).execute();
  await sql`drop function casework_refuse_change()`.execute(db);
  await sql`drop index referrals_path_received_at`.execute(db);
  await db.schema.alterTable('referrals').dropColumn('nation').execute();
  await db.schema.alterTable('referrals').dropColumn('police_force_area').execute();
  await allowRoles(db, ['responder', 'caseworker', 'reviewer', 'analyst', 'admin']);
}
