import type { Role } from '../../shared/accounts.ts';
import type { AuditSubjectKind } from '../../shared/admin/audit.ts';

/** A user as the administrator's list shows them, with what is counted about them. */
export interface UserListing {
  id: string;
  email: string;
  role: Role;
  organisation: { id: string; name: string };
  hasPassword: boolean;
  createdAt: string;
  disabledAt: string | null;
  /** Devices enrolled and not revoked. */
  devices: number;
  lastContactAt: string | null;
}

export interface UserFilter {
  organisationId?: string;
  status?: 'active' | 'no-password' | 'disabled';
}

/** Which entries of the audit log; every condition must hold. */
export interface AuditFilter {
  /** Done by this user, or to their account. */
  person?: string;
  subject?: string;
  /** Any of these actions exactly, or starting with one of the prefixes, but none of `except`. */
  actions?: { exact?: readonly string[]; prefixes?: readonly string[]; except?: readonly string[] };
  /** ISO instants: from included, until excluded. */
  from?: string;
  until?: string;
}

/** An audit entry with its actor and subject named, as far as the database knows them. */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  actorEmail: string | null;
  action: string;
  subject: string;
  subjectKind: AuditSubjectKind;
  subjectLabel: string | null;
}

/** What the administrator's console reads: accounts with their counts, and the audit log, filtered and paged. */
export interface AdminStore {
  /** By organisation name, then email. */
  listUsers(filter: UserFilter, page: { offset: number; limit: number }): Promise<{ rows: UserListing[]; total: number }>;
  findUserListing(id: string): Promise<UserListing | undefined>;
  /** Newest first. */
  searchAudit(filter: AuditFilter, page: { offset: number; limit: number }): Promise<{ rows: AuditRow[]; total: number }>;
  /** Every matching entry, newest first, a batch at a time: a large log is never held in memory at once. */
  streamAudit(filter: AuditFilter, batchSize: number): AsyncIterable<AuditRow[]>;
  /** The id of the referral with this reference (as stored: NRM-XXXX-XX), if any. */
  referralIdOf(reference: string): Promise<string | undefined>;
  referenceOf(id: string): Promise<string | undefined>;
}
