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
  'encounter_size',
] as const;
export type GroupColumn = (typeof groupColumns)[number];

export interface CountQuery {
  scheme?: Scheme;
  /** The day a record is counted on: received, or decided. `quarter` groups by this day's quarter. */
  datedBy: 'received_on' | 'rg_on' | 'cg_on';
  from: string;
  to: string;
  groupBy: readonly GroupColumn[];
  /** Only the records a decision maker marked as county lines. */
  countyLinesOnly?: boolean;
  /** Also add up the records' reconsiderations (left out otherwise, so a count reads only its index). */
  sumReconsiderations?: boolean;
}

/** Cases waiting for a conclusive grounds decision on `on` (positive RG by then, no CG by then, not withdrawn), by how long. */
export interface WaitingQuery {
  on: string;
  /** The first day of each band but the last, newest first: band i holds RG decisions served on or after since[i] (and before since[i − 1]); the last band the rest. */
  since: readonly string[];
}

export interface WaitingRow {
  age: string;
  /** Cases in each band, one more than `since` has. */
  bands: number[];
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
  /** How many of the records received in the period name each place, one count a place: the places themselves are never returned. */
  placeRecurrence(range: { from: string; to: string }): Promise<number[]>;
  /** Cases waiting for a conclusive grounds decision, by age at exploitation and band of waiting. */
  waiting(query: WaitingQuery): Promise<WaitingRow[]>;
  /** Writes records not yet held (by id), in one transaction; the backfill's and the importer's way in. */
  insertMany(records: readonly StatisticalRecord[]): Promise<number>;
  /** Up to `limit` referrals without a record, oldest first. */
  unrecorded(limit: number): Promise<UnrecordedReferral[]>;
}
