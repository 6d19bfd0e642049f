import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('public_key', 'text', (col) => col.notNull().unique())
    .addColumn('enrolled_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_seen_at', 'text')
    .execute();
  await sql`create index devices_user_id on devices (user_id)`.execute(db);
  await db.schema
    .createTable('device_nonces')
    .addColumn('device_id', 'text', (col) => col.notNull().references('devices.id'))
    .addColumn('nonce', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('device_nonces_pkey', ['device_id', 'nonce'])
    .execute();
  await sql`create index device_nonces_expires_at on device_nonces (expires_at)`.execute(db);
  // Nullable: referrals sent before devices signed, or while signatures are not required, have none.
  await db.schema.alterTable('referrals').addColumn('device_id', 'text', (col) => col.references('devices.id')).execute();
  await sql`create index referrals_device_id on referrals (device_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // SQLite cannot drop a column that takes part in a foreign key: referrals.device_id stays, all null
  // once the devices are gone, which the code before this migration never reads.
  await sql`drop index referrals_device_id`.execute(db);
  await sql`update referrals set device_id = null`.execute(db);
  await db.schema.dropTable('device_nonces').execute();
  await db.schema.dropTable('devices').execute();
}
