import { sql, type Kysely } from 'kysely';
import { dayOf } from '../../shared/casework/clock.ts';
import { openCase } from '../../shared/casework/machine.ts';
import { progressOf } from '../../shared/casework/progress-of.ts';
import type { ReferralPath } from '../../shared/referral.ts';
import { ageGroupOf, stateColumns } from './case-columns.ts';

/** Who a 'received' event names when the referral came unsigned: no user sent it, the server took it in. */
export const INTAKE_ACTOR = 'intake';

const BATCH = 200;

interface Waiting {
  id: string;
  path: ReferralPath;
  received_at: string;
  organisation_id: string | null;
  user_id: string | null;
}

/**
 * Gives every referral received before casework (migration 0008) its case, as if it had just arrived
 * on the day it was received: reasonable grounds due 5 working days later, nobody holding it. Duty to
 * Notify reports have no decision path, so no case. Idempotent: a referral with a case is left alone.
 */
export async function backfillCases(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<Waiting>`
    select r.id, r.path, r.received_at, u.organisation_id, u.id as user_id
    from referrals r
    left join devices d on d.id = r.device_id
    left join users u on u.id = d.user_id
    where r.path <> 'dtn' and not exists (select 1 from cases c where c.referral_id = r.id)`.execute(db);
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row) => ({ row, state: openCase(row.path, dayOf(row.received_at)) }));
    const cases = batch.map(({ row, state }) => {
      const columns = stateColumns(state);
      return sql`(${row.id}, ${columns.stage}, ${columns.version}, ${columns.held_by}, ${row.organisation_id}, ${ageGroupOf(row.path)}, ${row.path}, ${row.received_at},
        ${columns.due_on}, ${columns.due_kind}, ${columns.state}, ${JSON.stringify(progressOf(state))}, ${row.received_at})`;
    });
    await sql`insert into cases (referral_id, stage, version, held_by, organisation_id, age_group, path, received_at, due_on, due_kind, state, progress, progress_changed_at)
      values ${sql.join(cases)}`.execute(db);
    const events = batch.map(({ row, state }) => sql`(${row.id}, ${state.version}, ${row.received_at}, ${row.user_id ?? INTAKE_ACTOR}, 'received', null, ${state.stage}, null)`);
    await sql`insert into case_events (referral_id, version, at, actor, action, from_stage, to_stage, detail) values ${sql.join(events)}`.execute(db);
  }
  return rows.length;
}
