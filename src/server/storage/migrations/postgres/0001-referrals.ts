import { sql, type Kysely } from 'kysely';

// Times stay ISO 8601 text, as on SQLite, so both adapters hand back the very strings they were given
// (a receipt read back must equal the one first sent). Collation "C" compares them byte by byte —
// which is time order — whatever locale the database was created with.
const isoTime = sql`text collate "C"`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('reference', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('schema_version', 'integer', (col) => col.notNull())
    .addColumn('submitted_at', isoTime, (col) => col.notNull())
    .addColumn('received_at', isoTime, (col) => col.notNull())
    .addColumn('digest', 'text', (col) => col.notNull())
    .addColumn('envelope', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('received'))
    .addColumn('status_changed_at', isoTime, (col) => col.notNull())
    // postgres.ts recognises a clash of receipt references by this name.
    .addUniqueConstraint('referrals_reference_key', ['reference'])
    .execute();
  await sql`create index referrals_received_at on referrals (received_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('referrals').execute();
}
