import { sql } from 'kysely';
import type { AccountsStore } from './accounts-store.ts';
import type { AuditLog } from './audit-log.ts';
import type { CaseStore } from './case-store.ts';
import type { DeviceStore } from './device-store.ts';
import type { EvidenceStore } from './evidence-store.ts';
import { createKyselyAccountsStore } from './kysely-accounts-store.ts';
import { createKyselyAuditLog } from './kysely-audit-log.ts';
import { createKyselyCaseStore } from './kysely-case-store.ts';
import { createKyselyDeviceStore } from './kysely-device-store.ts';
import { createKyselyEvidenceStore } from './kysely-evidence-store.ts';
import { createKyselyRateLimitStore } from './kysely-rate-limit-store.ts';
import { createKyselyReferralStore } from './kysely-referral-store.ts';
import { migrateToLatest } from './migrate.ts';
import type { RateLimitStore } from './rate-limit-store.ts';
import type { ReferralStore } from './referral-store.ts';
import type { StorageConnection } from './storage-connection.ts';

/** Every store the server uses, over one database connection (pool). */
export interface Storage {
  referrals: ReferralStore;
  /** Cases at the decision unit: state, history, notes and possible same-person pairs. */
  cases: CaseStore;
  /** Evidence chunks as devices upload them; a referral claims its files as `referrals` stores it. */
  evidence: EvidenceStore;
  accounts: AccountsStore;
  devices: DeviceStore;
  audit: AuditLog;
  rateLimits: RateLimitStore;
  /** Whether the database answers now: a health check that a load balancer can trust. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Brings the database to the latest migration, then serves every store from it. */
export async function openStorage(connection: StorageConnection): Promise<Storage> {
  try {
    await migrateToLatest(connection);
  } catch (error) {
    await connection.db.destroy();
    throw error;
  }
  const { db } = connection;
  return {
    referrals: createKyselyReferralStore(connection),
    cases: createKyselyCaseStore(db),
    evidence: createKyselyEvidenceStore(db),
    accounts: createKyselyAccountsStore(db),
    devices: createKyselyDeviceStore(db),
    audit: createKyselyAuditLog(db),
    rateLimits: createKyselyRateLimitStore(db),
    ping: () =>
      sql`select 1`.execute(db).then(
        () => true,
        () => false,
      ),
    close: () => db.destroy(),
  };
}
