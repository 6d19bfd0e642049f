import { sql, type Kysely } from 'kysely';

/**
 * The statistical record (issue 15): one row per referral or Duty to Notify report, derived at intake
 * and updated as casework decides, holding only closed-list values — never a name, a date of birth,
 * contact details, an address or free text. Its id is the referral's, but it is not a foreign key:
 * records imported from the Home Office's published tables (npm run demo -- --from-published) have
 * no referral behind them. Referrals already stored get theirs from the backfill command, which
 * needs the intake key to open them (docs/figures.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('referral_statistics')
    .addColumn('referral_id', 'text', (col) => col.primaryKey())
    .addColumn('scheme', 'text', (col) => col.notNull().check(sql`scheme in ('nrm', 'dtn')`))
    .addColumn('received_on', 'text', (col) => col.notNull())
    .addColumn('quarter', 'text', (col) => col.notNull())
    .addColumn('age_at_exploitation', 'text', (col) => col.notNull().check(sql`age_at_exploitation in ('adult', 'child', 'not-specified')`))
    .addColumn('gender', 'text', (col) => col.notNull().check(sql`gender in ('female', 'male', 'other')`))
    .addColumn('nationality', 'text', (col) => col.notNull())
    .addColumn('exploitation_category', 'text', (col) => col.notNull())
    .addColumn('location', 'text', (col) => col.notNull().check(sql`location in ('uk', 'overseas', 'uk-and-overseas', 'not-specified')`))
    .addColumn('uk_region', 'text')
    .addColumn('police_force_area', 'text')
    .addColumn('responder_type', 'text', (col) => col.notNull().check(sql`responder_type in ('police', 'local-authority', 'government-agency', 'ngo')`))
    .addColumn('responder_organisation', 'text', (col) => col.notNull())
    .addColumn('rg_outcome', 'text', (col) => col.check(sql`rg_outcome in ('positive', 'negative')`))
    .addColumn('rg_on', 'text')
    .addColumn('rg_days', 'integer')
    .addColumn('cg_outcome', 'text', (col) => col.check(sql`cg_outcome in ('positive', 'negative')`))
    .addColumn('cg_on', 'text')
    .addColumn('cg_days', 'integer')
    .addColumn('reconsiderations', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('withdrawn', 'integer', (col) => col.notNull().defaultTo(0).check(sql`withdrawn in (0, 1)`))
    .execute();
  // Each grouped count the figures make reads one of these alone (covering indexes): the rows of a year are
  // a range of one index, and the table itself is never visited.
  await sql`create index referral_statistics_received on referral_statistics (scheme, received_on, quarter, age_at_exploitation, location, nationality, reconsiderations)`.execute(db);
  await sql`create index referral_statistics_responders on referral_statistics (scheme, received_on, responder_type, responder_organisation, exploitation_category, age_at_exploitation, gender, nationality)`.execute(db);
  await sql`create index referral_statistics_places on referral_statistics (received_on, police_force_area, age_at_exploitation, exploitation_category)`.execute(db);
  await sql`create index referral_statistics_rg on referral_statistics (scheme, rg_on, age_at_exploitation, rg_outcome, rg_days)`.execute(db);
  await sql`create index referral_statistics_cg on referral_statistics (scheme, cg_on, age_at_exploitation, cg_outcome, cg_days)`.execute(db);
  await sql`create index referral_statistics_waiting on referral_statistics (rg_outcome, withdrawn, rg_on, cg_on, age_at_exploitation)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('referral_statistics').execute();
}
