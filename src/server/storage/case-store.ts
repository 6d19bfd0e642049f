import type { Day } from '../../shared/casework/clock.ts';
import type { CaseState } from '../../shared/casework/machine.ts';
import type { Progress } from '../../shared/casework/progress.ts';
import type { Stage } from '../../shared/casework/stages.ts';
import type { Role } from '../../shared/accounts.ts';
import type { ReferralPath } from '../../shared/referral.ts';
import type { AgeGroup, DueKind } from './case-columns.ts';

/** Text sealed at rest (a JSON string of SealedParts, or of the matching seal): opened only by the services. */
export type Sealed = string;

/** A case with what its page needs of the referral; the sealed body is opened by the service, never here. */
export interface CaseRecord {
  id: string;
  reference: string;
  receivedAt: string;
  path: ReferralPath;
  schemaVersion: number;
  envelope: string;
  encounterId: string | null;
  family: readonly string[] | null;
  ageGroup: AgeGroup;
  organisation: string | null;
  state: CaseState;
  progress: Progress;
}

export interface QueueFilter {
  stage?: Stage;
  /** `before`: due earlier than this day (overdue); `on`: due on it. */
  due?: { before: Day } | { on: Day };
  /** A user id, or null for cases nobody holds; absent for any. */
  heldBy?: string | null;
  path?: ReferralPath;
  organisation?: string;
  reference?: string;
  sort: 'due' | 'received';
  offset: number;
  limit: number;
}

export interface QueueRecord {
  id: string;
  reference: string;
  receivedAt: string;
  path: ReferralPath;
  ageGroup: AgeGroup;
  organisation: string | null;
  stage: Stage;
  heldBy: { id: string; email: string } | null;
  dueOn: Day | null;
  dueKind: DueKind | null;
}

export interface CaseEventRecord {
  /** The version the case reached with this event (1 for 'received'). */
  version: number;
  at: string;
  actor: string;
  action: string;
  from: Stage | null;
  to: Stage;
  /** The action's own fields, sealed; null when it had none. */
  detail: Sealed | null;
}

export interface CaseNoteRecord {
  at: string;
  author: string;
  body: Sealed;
}

export type Verdict = 'same-person' | 'not-same';

export interface MatchRecord {
  otherId: string;
  otherReference: string;
  score: number;
  reasons: Sealed;
  verdict: Verdict | null;
  decidedBy: string | null;
}

export interface Person {
  id: string;
  email: string;
  role: Role;
}

/** One audit entry written in the same transaction as the change it records. */
export interface AuditedBy {
  at: string;
  actor: string;
  action: string;
}

/** A transition to store: applied only if the case is still at `fromVersion`. */
export interface CaseChange {
  id: string;
  fromVersion: number;
  state: CaseState;
  event: Omit<CaseEventRecord, 'version'>;
  audit: AuditedBy;
  /** Set when what the responder's device is told changes: the referral's status moves with it. */
  progress?: { value: Progress; at: string };
}

/** A referral already stored that may be the same person, with its sealed features. */
export interface MatchCandidate {
  id: string;
  features: Sealed;
}

export interface FoundMatch {
  otherId: string;
  score: number;
  /** Sealed for the direction (id → otherId), and for the reverse. */
  reasons: Sealed;
  reverseReasons: Sealed;
}

export interface DtnReportRecord {
  id: string;
  reference: string;
  receivedAt: string;
  policeForceArea: string | null;
  nation: string | null;
}

/**
 * Cases at the decision unit (migration 0008): the state beside each sealed referral, its history and
 * notes (free text sealed), and possible same-person pairs. Every change is version-checked and
 * audited in one transaction; history and notes are append-only in the database itself.
 */
export interface CaseStore {
  find(id: string): Promise<CaseRecord | undefined>;
  queue(filter: QueueFilter): Promise<{ rows: QueueRecord[]; total: number }>;
  /** Names of the organisations that sent at least one case, for the queue's filter. */
  organisations(): Promise<string[]>;
  /** History, oldest first; with `afterVersion`, only what moved the case past that version. */
  events(id: string, afterVersion?: number): Promise<CaseEventRecord[]>;
  notes(id: string): Promise<CaseNoteRecord[]>;
  matches(id: string): Promise<MatchRecord[]>;
  /** References and paths of these referrals (ids not held are left out). */
  referencesOf(ids: readonly string[]): Promise<{ id: string; reference: string; path: ReferralPath }[]>;
  people(ids: readonly string[]): Promise<Person[]>;
  /** Accounts that may hold a case: caseworkers and reviewers. */
  decisionMakers(): Promise<Person[]>;
  /** False, and nothing written, when the case is no longer at `fromVersion`. */
  apply(change: CaseChange): Promise<boolean>;
  addNote(id: string, note: CaseNoteRecord, audit: AuditedBy): Promise<void>;
  /** Records the verdict on the pair both ways; false when there is no such pair. */
  decideMatch(id: string, otherId: string, verdict: Verdict, audit: AuditedBy): Promise<boolean>;
  dtnReports(offset: number, limit: number): Promise<{ rows: DtnReportRecord[]; total: number }>;
  /** Up to `limit` other cases sharing a blocking key, those sharing most first. */
  candidates(keys: readonly string[], exceptId: string, limit: number): Promise<MatchCandidate[]>;
  /** Stores a case's keys and sealed features, and the pairs found (both ways), in one transaction. */
  savePerson(id: string, keys: readonly string[], features: Sealed, found: readonly FoundMatch[], at: string): Promise<void>;
}
