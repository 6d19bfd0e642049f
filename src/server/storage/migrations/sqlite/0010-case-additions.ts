import { type Kysely } from 'kysely';

/**
 * Additions the responder sends to a delivered referral from the field app (an answer to a request for
 * more information, a request for reconsideration). Only their ids and digests are kept here, to take
 * each exactly once: what they say is sealed in the case's history or notes, written in the same
 * transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_additions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('referral_id', 'text', (col) => col.notNull().references('referrals.id'))
    .addColumn('device_id', 'text', (col) => col.notNull().references('devices.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addColumn('digest', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('case_additions_referral').on('case_additions').columns(['referral_id', 'received_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_additions').execute();
}
