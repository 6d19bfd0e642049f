import type { CaseState } from '../../shared/casework/machine.ts';
import type { Progress } from '../../shared/casework/progress.ts';
import type { StatisticalRecord } from '../../shared/figures/statistical-record.ts';
import type { ReferralPath } from '../../shared/referral.ts';
import type { AgeGroup } from './case-columns.ts';

export interface StoredReferral {
  id: string;
  reference: string;
  path: ReferralPath;
  schemaVersion: number;
  submittedAt: string;
  receivedAt: string;
  digest: string;
  envelope: string;
  /** The enrolled device that signed the submission, or null when it came unsigned. */
  deviceId: string | null;
  /** The encounter the person was met at (links.encounterId of the referral), or null. */
  encounterId: string | null;
  /** Referral ids of family members the responder linked, or null. */
  family: readonly string[] | null;
}

/** A stored referral with where its case stands: what caseworkers and reviewers read. */
export interface StoredCase extends StoredReferral {
  status: string;
  statusChangedAt: string;
}

/** What a device may learn about its own referral later: no personal data. */
export interface ReferralStatus {
  id: string;
  reference: string;
  status: string;
  statusChangedAt: string;
  /** Where the decision unit has got to; absent for a Duty to Notify report (no decision path). */
  progress?: Progress;
}

/** The case a referral opens at the decision unit, written in the transaction that stores it. */
export interface CaseOpening {
  state: CaseState;
  progress: Progress;
  ageGroup: AgeGroup;
}

/**
 * What intake derives from the opened referral beside its row: a Duty to Notify report's list
 * columns (never identifying), or the case a referral opens.
 */
export type IntakeIndex = ({ kind: 'dtn'; policeForceArea: string | null; nation: string | null } | { kind: 'case'; opening: CaseOpening }) & {
  /** The statistical record, written with a new row (absent only where a caller stores no figures, as some tests do). */
  statistics?: StatisticalRecord;
};

/** Thrown when a freshly drawn receipt reference is already taken: draw another and try again. */
export class ReferenceTakenError extends Error {
  constructor() {
    super('Receipt reference already in use');
  }
}

/** One file a referral's sealed manifest names: the SHA-256 of each of its sealed chunks, in order. */
export interface RequiredFile {
  fileId: string;
  chunks: readonly string[];
}

/** A file of which the server lacks these chunks (by index). */
export interface MissingChunks {
  fileId: string;
  missing: number[];
}

export type InsertOutcome =
  | { kind: 'stored'; inserted: boolean; stored: StoredReferral }
  /** Nothing was written. */
  | { kind: 'missing'; files: MissingChunks[] };

/** The storage contract every adapter (SQLite, PostgreSQL) honours. */
export interface ReferralStore {
  /**
   * The one way a referral is stored, with files or without. In one transaction: a referral already
   * stored under this id is returned as it is (`inserted: false`); otherwise, when every chunk of every
   * file is held, the row is inserted and its files marked complete (at its receivedAt); when one is
   * missing, nothing is written. Two instances inserting one id at once store one row, and both answer
   * with it. With `index`, a new row's case (and its 'received' event, by the user whose device sent it)
   * or its Duty to Notify columns are written in the same transaction. Resolves only once the row is durable.
   */
  insertIfAbsent(row: StoredReferral, files: readonly RequiredFile[], index?: IntakeIndex): Promise<InsertOutcome>;
  findById(id: string): Promise<StoredReferral | undefined>;
  caseById(id: string): Promise<StoredCase | undefined>;
  /**
   * Statuses of the given referrals that changed after `since` (ISO time), oldest change first, with
   * each case's progress; with `deviceId`, only of referrals that device sent (null: only those sent unsigned).
   */
  statusesOf(ids: readonly string[], since: string, deviceId?: string | null): Promise<ReferralStatus[]>;
  /** The referrals sent from one encounter, in the order they arrived. */
  findByEncounter(encounterId: string): Promise<StoredReferral[]>;
  count(): Promise<number>;
}
