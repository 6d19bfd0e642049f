import { decisionColumnsOf } from '../../shared/figures/decision-columns.ts';
import { deriveStatistics } from '../../shared/figures/derive-statistics.ts';
import type { StatisticalRecord } from '../../shared/figures/statistical-record.ts';
import type { ListLookup } from '../../shared/form/model.ts';
import type { Submission } from '../../shared/protocol.ts';
import type { IntakeKeyring } from '../crypto/intake-keys.ts';
import type { StatisticsStore, UnrecordedReferral } from '../storage/statistics-store.ts';
import { openReferral } from './intake.ts';

const BATCH = 200;

export interface BackfillDeps {
  statistics: StatisticsStore;
  keyring: IntakeKeyring;
  lists: ListLookup;
}

/**
 * The record of a referral stored before records were kept: opened with the intake key as intake opens
 * it, with the decisions its case has had since. One that no longer opens (a retired key) still counts
 * by its path and dates, everything else "not specified".
 */
async function recordOf({ referral, state }: UnrecordedReferral, keyring: IntakeKeyring, lists: ListLookup): Promise<StatisticalRecord> {
  const submission = { id: referral.id, schemaVersion: referral.schemaVersion, submittedAt: referral.submittedAt, envelope: JSON.parse(referral.envelope) as Submission['envelope'] } as Submission;
  const opened = await openReferral(submission, keyring, lists);
  const readable = opened.kind === 'opened' ? opened : undefined;
  const record = deriveStatistics({ id: referral.id, path: referral.path, answers: readable?.answers ?? {}, ageNotSure: readable?.ageNotSure ?? false, receivedAt: referral.receivedAt, links: readable?.links });
  return state ? { ...record, ...decisionColumnsOf(state) } : record;
}

/** Derives the record of every referral that has none; returns how many were written. Safe to run again, and beside a running server. */
export async function backfillStatistics({ statistics, keyring, lists }: BackfillDeps): Promise<number> {
  let written = 0;
  for (;;) {
    const batch = await statistics.unrecorded(BATCH);
    if (batch.length === 0) return written;
    const records: StatisticalRecord[] = [];
    for (const unrecorded of batch) records.push(await recordOf(unrecorded, keyring, lists));
    written += await statistics.insertMany(records);
  }
}
