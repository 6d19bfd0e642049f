import { sql, type Insertable, type Kysely } from 'kysely';
import type { CaseState } from '../../shared/casework/machine.ts';
import { decisionColumnsOf } from '../../shared/figures/decision-columns.ts';
import { quarterOf } from '../../shared/figures/periods.ts';
import type { StatisticalRecord } from '../../shared/figures/statistical-record.ts';
import type { Database, ReferralStatisticsTownsTable, ReferralStatisticsTable } from './schema.ts';

const quarterOrNull = (day: string | null) => (day === null ? null : quarterOf(day));

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
    rg_quarter: quarterOrNull(record.rgOn),
    cg_quarter: quarterOrNull(record.cgOn),
    reconsiderations: record.reconsiderations,
    withdrawn: record.withdrawn ? 1 : 0,
    county_lines: record.countyLines ? 1 : 0,
    encounter_id: record.encounterId ?? null,
    derivation: CURRENT_DERIVATION,
  };
}

/** The derivation records are written by now: 2 since encounters and places (migration 0016). */
export const CURRENT_DERIVATION = 2;

/** The places the records name, each once per record. */
export function placeRows(records: readonly StatisticalRecord[]): Insertable<ReferralStatisticsTownsTable>[] {
  return records.flatMap((record) => [...new Set(record.places ?? [])].map((place) => ({ referral_id: record.id, place, received_on: record.receivedOn })));
}

/** Writes the records' places, keeping those already there. */
export async function insertPlaceRows(trx: Kysely<Database>, records: readonly StatisticalRecord[]): Promise<void> {
  const rows = placeRows(records);
  for (let at = 0; at < rows.length; at += PLACE_BATCH) {
    await trx
      .insertInto('referral_statistics_towns')
      .values(rows.slice(at, at + PLACE_BATCH))
      .onConflict((conflict) => conflict.columns(['referral_id', 'place']).doNothing())
      .execute();
  }
}
const PLACE_BATCH = 500;

/** Counts again how many records share each of these encounters, on every record of it. */
export async function refreshEncounterSizes(trx: Kysely<Database>, encounters: readonly (string | null | undefined)[]): Promise<void> {
  const ids = [...new Set(encounters.filter((id): id is string => typeof id === 'string'))];
  for (let at = 0; at < ids.length; at += PLACE_BATCH) {
    await sql`update referral_statistics set encounter_size = (select count(*) from referral_statistics e where e.encounter_id = referral_statistics.encounter_id)
      where encounter_id in (${sql.join(ids.slice(at, at + PLACE_BATCH))})`.execute(trx);
  }
}

/** Writes a record in the caller's transaction (intake's, or the backfill's); one already there is kept. */
export async function insertStatisticsRow(trx: Kysely<Database>, record: StatisticalRecord): Promise<void> {
  await trx
    .insertInto('referral_statistics')
    .values(statisticsRow(record))
    .onConflict((conflict) => conflict.column('referral_id').doNothing())
    .execute();
  await insertPlaceRows(trx, [record]);
  await refreshEncounterSizes(trx, [record.encounterId]);
}

/**
 * Moves a case's record with its served decisions and its county-lines mark, in the transaction that
 * moved the case; a reconsideration opened counts once.
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
      rg_quarter: quarterOrNull(columns.rgOn),
      cg_quarter: quarterOrNull(columns.cgOn),
      withdrawn: columns.withdrawn ? 1 : 0,
      county_lines: columns.countyLines ? 1 : 0,
      ...(reconsidered ? { reconsiderations: sql<number>`reconsiderations + 1` } : {}),
    })
    .where('referral_id', '=', id)
    .execute();
}
