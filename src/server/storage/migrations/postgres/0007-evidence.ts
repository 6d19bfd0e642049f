import { sql, type Kysely } from 'kysely';

/**
 * Evidence files: sealed chunks as the devices uploaded them, keyed by their SHA-256 as well as their
 * place, so a chunk is stored once however often it is sent and nothing is ever overwritten; and the
 * files of a referral, written in the same transaction as the referral itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence_chunks')
    .addColumn('referral_id', 'text', (col) => col.notNull())
    .addColumn('file_id', 'text', (col) => col.notNull())
    .addColumn('idx', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('bytes', 'bytea', (col) => col.notNull())
    .addColumn('received_at', sql`text collate "C"`, (col) => col.notNull())
    .addPrimaryKeyConstraint('evidence_chunks_pkey', ['referral_id', 'file_id', 'idx', 'sha256'])
    .execute();
  await db.schema
    .createTable('evidence_files')
    .addColumn('referral_id', 'text', (col) => col.notNull())
    .addColumn('file_id', 'text', (col) => col.notNull())
    .addColumn('chunk_count', 'integer', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('completed_at', sql`text collate "C"`, (col) => col.notNull())
    .addPrimaryKeyConstraint('evidence_files_pkey', ['referral_id', 'file_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_files').execute();
  await db.schema.dropTable('evidence_chunks').execute();
}
