import { sql, type Kysely } from 'kysely';

type Index = readonly [name: string, columns: readonly string[]];

/** As 0008-casework.ts made them: each filter with the due date alone. */
const BEFORE: readonly Index[] = [
  ['cases_stage_due', ['stage', 'due_on']],
  ['cases_held_by_due', ['held_by', 'due_on']],
  ['cases_organisation_due', ['organisation_id', 'due_on']],
  ['cases_path_due', ['path', 'due_on']],
  ['cases_due', ['due_on']],
  ['cases_received_at', ['received_at']],
];

/**
 * Each filter of the queue (kysely-case-store.ts) followed by its whole sort order, due date, then
 * received, then id, so that a page is read in order from an index range and its ids chosen without
 * reading a case; and every filter column in one index, which answers any two filters and their count
 * from the index alone.
 */
const AFTER: readonly Index[] = [
  ['cases_stage_order', ['stage', 'due_on', 'received_at', 'referral_id']],
  ['cases_held_by_order', ['held_by', 'due_on', 'received_at', 'referral_id']],
  ['cases_organisation_order', ['organisation_id', 'due_on', 'received_at', 'referral_id']],
  ['cases_path_order', ['path', 'due_on', 'received_at', 'referral_id']],
  ['cases_due_order', ['due_on', 'received_at', 'referral_id']],
  ['cases_received_order', ['received_at', 'referral_id']],
  ['cases_queue_filters', ['stage', 'path', 'held_by', 'organisation_id', 'due_on', 'received_at', 'referral_id']],
];

async function replace(db: Kysely<unknown>, drop: readonly Index[], create: readonly Index[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [name] of drop) await sql`drop index ${sql.ref(name)}`.execute(trx);
    for (const [name, columns] of create) await sql`create index ${sql.ref(name)} on cases (${sql.join(columns.map((column) => sql.ref(column)))})`.execute(trx);
  });
  // The new indexes' statistics now, not at the server's next `pragma optimize` (sqlite.ts): until then the
  // planner would guess, and a wrong guess reads every case.
  await sql`analyze cases`.execute(db);
}

/** The queue's indexes extended to its whole sort order. One transaction: a failure leaves the 0008 indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await replace(db, BEFORE, AFTER);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replace(db, AFTER, BEFORE);
}
