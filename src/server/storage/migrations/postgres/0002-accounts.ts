import { sql, type Kysely } from 'kysely';

// ISO 8601 text compared byte by byte, as in 0001-referrals.ts.
const isoTime = sql`text collate "C"`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', isoTime, (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('responder', 'caseworker', 'reviewer', 'analyst', 'admin')`))
    .addColumn('password_hash', 'text')
    .addColumn('created_at', isoTime, (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('password_tokens')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose in ('setup', 'set-password')`))
    .addColumn('user_id', 'text', (col) => col.references('users.id'))
    .addColumn('created_at', isoTime, (col) => col.notNull())
    .addColumn('expires_at', isoTime, (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', isoTime, (col) => col.notNull())
    .addColumn('idle_expires_at', isoTime, (col) => col.notNull())
    .addColumn('expires_at', isoTime, (col) => col.notNull())
    .execute();
  await sql`create index sessions_user_id on sessions (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sessions', 'password_tokens', 'users', 'organisations']) await db.schema.dropTable(table).execute();
}
