import { sql, type Kysely } from 'kysely';

/**
 * The statistics' county-lines flag (issue 15). The form has no question for it, so a decision maker
 * marks a case as county lines from the console, and the case's record follows in the same
 * transaction. Records already stored start unmarked, as their cases do. The figures count the marked
 * NRM referrals by quarter and age: a partial index holds only those, in the order they are counted in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('referral_statistics').addColumn('county_lines', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  await sql`create index referral_statistics_county_lines on referral_statistics (scheme, quarter, age_at_exploitation, received_on) where county_lines = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index referral_statistics_county_lines`.execute(db);
  await db.schema.alterTable('referral_statistics').dropColumn('county_lines').execute();
}
