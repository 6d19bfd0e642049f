import { sql, type Kysely } from 'kysely';

/**
 * Encounters and places in the figures (issue 15: how many people were referred together, how often one
 * place recurs — counts only, never who). The record gains the encounter's id (already in the clear on
 * the referral) and how many records share it, kept up to date as each one is written; the UK towns and
 * cities it names, from the reference list, sit in a table of their own (a referral names up to ten).
 * `derivation` says which derivation wrote a record: those written before this one (1) are derived
 * again by `npm run admin -- backfill-statistics`, which opens the referral for its links and places.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('referral_statistics').addColumn('encounter_id', 'text').execute();
  await db.schema.alterTable('referral_statistics').addColumn('encounter_size', 'integer').execute();
  await db.schema.alterTable('referral_statistics').addColumn('derivation', 'integer', (col) => col.notNull().defaultTo(1)).execute();
  await sql`create index referral_statistics_encounter on referral_statistics (encounter_id)`.execute(db);
  // The people referred together, by quarter and encounter size, read in the order they are counted in.
  await sql`create index referral_statistics_encounter_size on referral_statistics (quarter, encounter_size, received_on)`.execute(db);
  await db.schema
    .createTable('referral_statistics_towns')
    .addColumn('referral_id', 'text', (col) => col.notNull())
    .addColumn('place', 'text', (col) => col.notNull())
    .addColumn('received_on', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('referral_statistics_towns_pk', ['referral_id', 'place'])
    .execute();
  await sql`create index referral_statistics_towns_recurring on referral_statistics_towns (place, received_on)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('referral_statistics_towns').execute();
  await sql`drop index referral_statistics_encounter_size`.execute(db);
  await sql`drop index referral_statistics_encounter`.execute(db);
  for (const column of ['derivation', 'encounter_size', 'encounter_id']) await db.schema.alterTable('referral_statistics').dropColumn(column).execute();
}
