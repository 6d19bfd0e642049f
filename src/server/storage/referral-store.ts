import type { ReferralPath } from '../../shared/referral.ts';

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
}

/** Thrown when a freshly drawn receipt reference is already taken: draw another and try again. */
export class ReferenceTakenError extends Error {
  constructor() {
    super('Receipt reference already in use');
  }
}

/** The storage contract every adapter (SQLite, PostgreSQL) honours. */
export interface ReferralStore {
  /**
   * Inserts the row unless one with the same id exists, in one statement (no read-then-write race),
   * and returns the row that is stored now. Resolves only once the row is durable.
   */
  insertIfAbsent(row: StoredReferral): Promise<{ inserted: boolean; stored: StoredReferral }>;
  findById(id: string): Promise<StoredReferral | undefined>;
  caseById(id: string): Promise<StoredCase | undefined>;
  /**
   * Statuses of the given referrals that changed after `since` (ISO time), oldest change first; with
   * `deviceId`, only of referrals that device sent.
   */
  statusesOf(ids: readonly string[], since: string, deviceId?: string): Promise<ReferralStatus[]>;
  /** The referrals sent from one encounter, in the order they arrived. */
  findByEncounter(encounterId: string): Promise<StoredReferral[]>;
  count(): Promise<number>;
  /** How many referrals each path has, for aggregate figures only. */
  countByPath(): Promise<{ path: ReferralPath; count: number }[]>;
}
