import { sql, type Insertable, type Kysely } from 'kysely';
import type { CaseState } from '../../shared/casework/machine.ts';
import { decisionColumnsOf } from '../../shared/figures/decision-columns.ts';
import type { StatisticalRecord } from '../../shared/figures/statistical-record.ts';
import type { Database, ReferralStatisticsTable } from './schema.ts';

export function statisticsRow(record: StatisticalRecord): Insertable<ReferralStatisticsTable> {
  return {
    referral_id: record.id,
    scheme: record.scheme,
    received_on: record.receivedOn,
    quarter: record.quarter,
    age_at_exploitation: record.ageAtExploitation,
    gender: record.gender,
    nationality: record.nationality,
    exploitation_category: record.exploitationCategory,
    location: record.location,
    uk_region: record.ukRegion,
    police_force_area: record.policeForceArea,
    responder_type: record.responderType,
    responder_organisation: record.responderOrganisation,
    rg_outcome: record.rgOutcome,
    rg_on: record.rgOn,
    rg_days: record.rgDays,
    cg_outcome: record.cgOutcome,
    cg_on: record.cgOn,
    cg_days: record.cgDays,
    reconsiderations: record.reconsiderations,
    withdrawn: record.withdrawn ? 1 : 0,
  };
}

/** Writes a record in the caller's transaction (intake's, or the backfill's); one already there is kept. */
export async function insertStatisticsRow(trx: Kysely<Database>, record: StatisticalRecord): Promise<void> {
  await trx
    .insertInto('referral_statistics')
    .values(statisticsRow(record))
    .onConflict((conflict) => conflict.column('referral_id').doNothing())
    .execute();
}

/**
 * Moves a case's record with its served decisions, in the transaction that moved the case; a
 * reconsideration opened counts once.
 */
export async function updateStatisticsRow(trx: Kysely<Database>, id: string, state: CaseState, reconsidered: boolean): Promise<void> {
  const columns = decisionColumnsOf(state);
  await trx
    .updateTable('referral_statistics')
    .set({
      rg_outcome: columns.rgOutcome,
      rg_on: columns.rgOn,
      rg_days: columns.rgDays,
      cg_outcome: columns.cgOutcome,
      cg_on: columns.cgOn,
      cg_days: columns.cgDays,
      withdrawn: columns.withdrawn ? 1 : 0,
      ...(reconsidered ? { reconsiderations: sql<number>`reconsiderations + 1` } : {}),
    })
    .where('referral_id', '=', id)
    .execute();
}
