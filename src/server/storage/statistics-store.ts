import type { CaseState } from '../../shared/casework/machine.ts';
import type { Scheme, StatisticalRecord } from '../../shared/figures/statistical-record.ts';
import type { StoredReferral } from './referral-store.ts';

/** What the figures may be counted by: the record's closed-list columns, and the quarter of the day the count is dated by. */
export const groupColumns = [
  'quarter',
  'age_at_exploitation',
  'gender',
  'nationality',
  'exploitation_category',
  'location',
  'uk_region',
  'police_force_area',
  'responder_type',
  'responder_organisation',
  'rg_outcome',
  'cg_outcome',
  'rg_days',
  'cg_days',
  'rg_on',
] as const;
export type GroupColumn = (typeof groupColumns)[number];

export interface CountQuery {
  scheme?: Scheme;
  /** The day a record is counted on: received, or decided. `quarter` groups by this day's quarter. */
  datedBy: 'received_on' | 'rg_on' | 'cg_on';
  from: string;
  to: string;
  groupBy: readonly GroupColumn[];
  /** Also add up the records' reconsiderations (left out otherwise, so a count reads only its index). */
  sumReconsiderations?: boolean;
  /** Only cases waiting for a conclusive grounds decision at the end of the period (positive RG by then, no CG by then, not withdrawn). */
  waitingForCg?: boolean;
}

export interface CountRow {
  keys: Partial<Record<GroupColumn, string | null>>;
  /** Records counted. */
  n: number;
  /** Reconsiderations those records had (0 unless the query asked for them). */
  reconsiderations: number;
}

/** A referral still without its statistical record, with its case's state (none for a Duty to Notify report). */
export interface UnrecordedReferral {
  referral: StoredReferral;
  state: CaseState | null;
}

export interface StatisticsStore {
  /** Counts in the database, grouped: the figures never load the records themselves. */
  count(query: CountQuery): Promise<CountRow[]>;
  /** Writes records not yet held (by id), in one transaction; the backfill's and the importer's way in. */
  insertMany(records: readonly StatisticalRecord[]): Promise<number>;
  /** Up to `limit` referrals without a record, oldest first. */
  unrecorded(limit: number): Promise<UnrecordedReferral[]>;
}
