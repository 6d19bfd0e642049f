import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../shared/accounts.ts';
import type { ReferralPath } from '../../shared/referral.ts';

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
}

/** The files of a stored referral, written in the referral's own transaction once every chunk is held. */
export interface EvidenceFilesTable {
  referral_id: string;
  file_id: string;
  chunk_count: number;
  size: number;
  completed_at: string;
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
}
