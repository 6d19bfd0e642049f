import type { ColumnType } from 'kysely';
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
}

export interface Database {
  referrals: ReferralsTable;
}
