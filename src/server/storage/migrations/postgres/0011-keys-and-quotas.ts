import { sql, type Kysely } from 'kysely';

const isoTime = sql`text collate "C"`;

/**
 * Secure by default (issue 14). `deployment_keys`: the fingerprints of the intake keys and the matching
 * key the stored data was made with, so that an instance started with another key refuses to start.
 * `evidence_chunks.device_id`: which device uploaded a chunk, for its quota of unclaimed evidence; and an
 * index for each device's referrals of the last hour. `health_checks`: the row the health check writes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deployment_keys')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('key_id', 'text', (col) => col.notNull())
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('recorded_at', isoTime, (col) => col.notNull())
    .addPrimaryKeyConstraint('deployment_keys_pkey', ['kind', 'key_id'])
    .execute();
  await db.schema.alterTable('evidence_chunks').addColumn('device_id', 'text').execute();
  // By time too: only chunks younger than the housekeeping's 30 days can be unclaimed, so a device's quota reads no more.
  await sql`create index evidence_chunks_device on evidence_chunks (device_id, received_at)`.execute(db);
  await sql`create index referrals_device_received on referrals (device_id, received_at)`.execute(db);
  await db.schema
    .createTable('health_checks')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('checked_at', isoTime, (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('health_checks').execute();
  await sql`drop index referrals_device_received`.execute(db);
  await sql`drop index evidence_chunks_device`.execute(db);
  await db.schema.alterTable('evidence_chunks').dropColumn('device_id').execute();
  await db.schema.dropTable('deployment_keys').execute();
}
