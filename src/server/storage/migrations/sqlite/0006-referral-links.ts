import { sql, type Kysely } from 'kysely';

/**
 * The links a referral carries (issue 9): the encounter its person was met at, and family members,
 * kept in the clear index so a case can list the people met with it. Ids only, never names.
 * Nullable: earlier referrals, and referrals taken outside an encounter, have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('referrals').addColumn('encounter_id', 'text').execute();
  await db.schema.alterTable('referrals').addColumn('family', 'text').execute();
  await sql`create index referrals_encounter_id on referrals (encounter_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index referrals_encounter_id`.execute(db);
  await db.schema.alterTable('referrals').dropColumn('family').execute();
  await db.schema.alterTable('referrals').dropColumn('encounter_id').execute();
}
