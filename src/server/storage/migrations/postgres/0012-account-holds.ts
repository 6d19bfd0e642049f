import { sql, type Kysely } from 'kysely';

const isoTime = sql`text collate "C"`;

/**
 * The administrator's console (issue 14). A disabled account (`users.disabled_at`) cannot sign in.
 * A device whose owner's password was reset or account disabled (`devices.suspended_at`) is refused
 * until its owner signs in again on it. Indexes for the audit log's filters: who, about what, when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('disabled_at', isoTime).execute();
  await db.schema.alterTable('devices').addColumn('suspended_at', isoTime).execute();
  await sql`create index audit_log_actor on audit_log (actor, id)`.execute(db);
  await sql`create index audit_log_subject on audit_log (subject, id)`.execute(db);
  await sql`create index audit_log_action on audit_log (action, id)`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['audit_log_at', 'audit_log_action', 'audit_log_subject', 'audit_log_actor']) await sql`drop index ${sql.ref(index)}`.execute(db);
  await db.schema.alterTable('devices').dropColumn('suspended_at').execute();
  await db.schema.alterTable('users').dropColumn('disabled_at').execute();
}
