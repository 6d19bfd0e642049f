import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../shared/accounts.ts';
import type { Stage } from '../../shared/casework/stages.ts';
import type { AgeAtExploitation, DecisionOutcome, Gender, LocationOfExploitation, ResponderType, Scheme } from '../../shared/figures/statistical-record.ts';
import type { ReferralPath } from '../../shared/referral.ts';
import type { AgeGroup, DueKind } from './case-columns.ts';

/** Tables as Kysely sees them; column names are the database's own (snake_case). */
export interface ReferralsTable {
  id: string;
  reference: string;
  path: ReferralPath;
  schema_version: number;
  submitted_at: string;
  received_at: string;
  digest: string;
  /** The body exactly as received; the rest of the row is the minimal index for queues and figures. */
  envelope: string;
  /** Where the case stands; only 'received' until the casework console moves it on. */
  status: ColumnType<string, string | undefined, string>;
  status_changed_at: string;
  /** The enrolled device that signed the submission; null for unsigned ones (before devices signed). */
  device_id: ColumnType<string | null, string | null | undefined, never>;
  /** links.encounterId of the referral (migration 0006); indexed to find the people met together. */
  encounter_id: ColumnType<string | null, string | null | undefined, never>;
  /** JSON array of the family members' referral ids (migration 0006). */
  family: ColumnType<string | null, string | null | undefined, never>;
  /** Duty to Notify reports only (migration 0008): the police force the crime was reported to, for the DtN list. */
  police_force_area: ColumnType<string | null, string | null | undefined, never>;
  /** Duty to Notify reports only (migration 0008): where in the UK the responder made it from. */
  nation: ColumnType<string | null, string | null | undefined, never>;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  /** Lower case, so one address is one account however it is typed. */
  email: string;
  role: Role;
  /** scrypt, with its parameters and salt (see auth/passwords.ts); null until the user sets one. */
  password_hash: string | null;
  created_at: string;
  /** When an administrator disabled the account (migration 0012); null while it may sign in. */
  disabled_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One-time codes (setup, set-password); only their SHA-256 is kept. */
export interface PasswordTokensTable {
  token_hash: string;
  purpose: 'setup' | 'set-password';
  user_id: string | null;
  created_at: string;
  expires_at: string;
}

/** Signed-in sessions; the cookie holds a random token, the table only its SHA-256. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  idle_expires_at: string;
  expires_at: string;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  label: string;
  /** SPKI DER of the P-256 public key, base64url; unique, so a re-sent enrolment finds its device. */
  public_key: string;
  enrolled_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  /** Set when the owner's password was reset or account disabled (migration 0012); cleared when they sign in again on it. */
  suspended_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Nonces of signed requests, kept until a request carrying them would be refused as stale anyway. */
export interface DeviceNoncesTable {
  device_id: string;
  nonce: string;
  expires_at: string;
}

/** Append-only: no code path updates or deletes, and triggers refuse it on both databases. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  subject: string;
}

/** Fixed-window counters of the rate limits, shared by every instance; keys are SHA-256 hashes. */
export interface RateLimitCountersTable {
  key: string;
  hits: number;
  window_ends_at: string;
}

/** Sealed evidence chunks as uploaded (migration 0007); never updated, one row per place and content. */
export interface EvidenceChunksTable {
  referral_id: string;
  file_id: string;
  idx: number;
  sha256: string;
  size: number;
  bytes: Uint8Array;
  received_at: string;
  /** The enrolled device that uploaded it (migration 0011), for its quota; null when sent unsigned. */
  device_id: ColumnType<string | null, string | null | undefined, never>;
}

/** The files of a stored referral, written in the referral's own transaction once every chunk is held. */
export interface EvidenceFilesTable {
  referral_id: string;
  file_id: string;
  chunk_count: number;
  size: number;
  completed_at: string;
}

/** A referral at the decision unit (migration 0008): its state as JSON, mirrored in columns the queue indexes. */
export interface CasesTable {
  referral_id: string;
  stage: Stage;
  /** state.version, so an update can say "only if nobody changed it since". */
  version: number;
  held_by: string | null;
  /** The organisation of the responder whose enrolled device sent it; null when it came unsigned. */
  organisation_id: ColumnType<string | null, string | null, never>;
  age_group: ColumnType<AgeGroup, AgeGroup, never>;
  path: ColumnType<ReferralPath, ReferralPath, never>;
  received_at: ColumnType<string, string, never>;
  due_on: string | null;
  due_kind: DueKind | null;
  /** JSON of CaseState (src/shared/casework/machine.ts). */
  state: string;
  /** JSON of Progress: what the responder's device is told. */
  progress: string;
  progress_changed_at: string;
}

/** Append-only history of a case; `detail` is the action's fields, sealed to the intake key. */
export interface CaseEventsTable {
  id: Generated<number>;
  referral_id: string;
  version: number;
  at: string;
  actor: string;
  action: string;
  from_stage: Stage | null;
  to_stage: Stage;
  detail: string | null;
}

/** Append-only notes on a case; the body is sealed to the intake key. */
export interface CaseNotesTable {
  id: Generated<number>;
  referral_id: string;
  at: string;
  author: string;
  body: string;
}

/** HMAC-SHA256 of each blocking key of a case's person (the matching key), to find possible same people. */
export interface PersonKeysTable {
  referral_id: string;
  key: string;
}

/** The person's normalised features, sealed with the matching key, compared with each newcomer's. */
export interface PersonFeaturesTable {
  referral_id: string;
  sealed: string;
}

/** A pair of cases that may be one person, one row each way; the reasons are sealed with the matching key. */
export interface PossibleMatchesTable {
  referral_id: string;
  other_id: string;
  score: number;
  reasons: string;
  found_at: string;
  verdict: 'same-person' | 'not-same' | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** Additions from the responder's device (migration 0010): ids and digests only, to take each once. */
export interface CaseAdditionsTable {
  id: string;
  referral_id: string;
  device_id: string;
  kind: 'answer-information' | 'ask-reconsideration';
  received_at: string;
  digest: string;
  /** The sealed manifest of the files it brought (JSON: keyId, enc, ct); null when it brought none (migration 0014). */
  evidence: string | null;
}

/**
 * Fingerprints of the keys the stored data was made with (migration 0011): `intake` (one row per key
 * of the keyring), `intake-first` (the deployment's first intake key: whoever records it first wins, so
 * two instances with different keyrings cannot both start) and `matching`.
 */
export interface DeploymentKeysTable {
  kind: 'intake' | 'intake-first' | 'matching';
  key_id: string;
  /** SHA-256 of the public key (intake) or of the secret (matching), hex. */
  fingerprint: string;
  recorded_at: string;
}

/** The one row the health check writes (migration 0011): proof that the database takes writes. */
export interface HealthChecksTable {
  name: string;
  checked_at: string;
}

/** The statistical record (migration 0013): closed-list values only; see src/shared/figures/statistical-record.ts. */
export interface ReferralStatisticsTable {
  referral_id: string;
  scheme: Scheme;
  received_on: string;
  quarter: string;
  age_at_exploitation: AgeAtExploitation;
  gender: Gender;
  nationality: string;
  exploitation_category: string;
  location: LocationOfExploitation;
  uk_region: string | null;
  police_force_area: string | null;
  responder_type: ResponderType;
  responder_organisation: string;
  rg_outcome: DecisionOutcome | null;
  rg_on: string | null;
  rg_days: number | null;
  cg_outcome: DecisionOutcome | null;
  cg_on: string | null;
  cg_days: number | null;
  /** The quarters of rg_on and cg_on, kept so the figures can group decisions by an index (migration 0015). */
  rg_quarter: string | null;
  cg_quarter: string | null;
  reconsiderations: ColumnType<number, number | undefined, number>;
  /** 1 once consent is withdrawn. */
  withdrawn: ColumnType<number, number | undefined, number>;
  /** 1 once a decision maker marks the case as county lines (migration 0017). */
  county_lines: ColumnType<number, number | undefined, number>;
  /** The encounter's id, and how many records share it (migration 0016). */
  encounter_id: string | null;
  encounter_size: ColumnType<number | null, number | null | undefined, number | null>;
  /** Which derivation wrote the record: an older one is derived again by the backfill. */
  derivation: ColumnType<number, number | undefined, number>;
}

/** The UK towns and cities a record names, from the reference list (migration 0016). */
export interface ReferralStatisticsTownsTable {
  referral_id: string;
  place: string;
  received_on: string;
}

export interface Database {
  referrals: ReferralsTable;
  evidence_chunks: EvidenceChunksTable;
  evidence_files: EvidenceFilesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  password_tokens: PasswordTokensTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  device_nonces: DeviceNoncesTable;
  audit_log: AuditLogTable;
  rate_limit_counters: RateLimitCountersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_notes: CaseNotesTable;
  person_keys: PersonKeysTable;
  person_features: PersonFeaturesTable;
  possible_matches: PossibleMatchesTable;
  case_additions: CaseAdditionsTable;
  deployment_keys: DeploymentKeysTable;
  health_checks: HealthChecksTable;
  referral_statistics: ReferralStatisticsTable;
  referral_statistics_towns: ReferralStatisticsTownsTable;
}
