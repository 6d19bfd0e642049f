export interface AuditEntry {
  at: string;
  /** A user id, or `admin-cli` / `setup` for what the server's operators did. */
  actor: string;
  /** What was done, in kebab-case: `case-read`, `device-revoked`, `user-created`, … */
  action: string;
  /** What it was done to: a case, device, user or organisation id. */
  subject: string;
}

/** Who did what, when. Append-only: there is no method to change or remove an entry. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Entries about one subject, oldest first. */
  entriesFor(subject: string): Promise<AuditEntry[]>;
}
