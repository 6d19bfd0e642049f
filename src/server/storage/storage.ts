import { sql } from 'kysely';
import type { AccountsStore } from './accounts-store.ts';
import type { AdminStore } from './admin-store.ts';
import type { AdditionStore } from './addition-store.ts';
import type { AuditLog } from './audit-log.ts';
import type { CaseStore } from './case-store.ts';
import type { DeploymentKeyStore } from './deployment-key-store.ts';
import type { DeviceStore } from './device-store.ts';
import type { EvidenceStore } from './evidence-store.ts';
import { createKyselyAccountsStore } from './kysely-accounts-store.ts';
import { createKyselyAdminStore } from './kysely-admin-store.ts';
import { createKyselyAdditionStore } from './kysely-addition-store.ts';
import { createKyselyAuditLog } from './kysely-audit-log.ts';
import { createKyselyCaseStore } from './kysely-case-store.ts';
import { createKyselyDeploymentKeyStore } from './kysely-deployment-key-store.ts';
import { createKyselyDeviceStore } from './kysely-device-store.ts';
import { createKyselyEvidenceStore } from './kysely-evidence-store.ts';
import { createKyselyQuotaStore } from './kysely-quota-store.ts';
import { createKyselyRateLimitStore } from './kysely-rate-limit-store.ts';
import { createKyselyReferralStore } from './kysely-referral-store.ts';
import { createKyselySignInHistoryStore } from './kysely-sign-in-history-store.ts';
import { createGroupCommitter } from './group-commit.ts';
import { migrateToLatest } from './migrate.ts';
import type { QuotaStore } from './quota-store.ts';
import type { RateLimitStore } from './rate-limit-store.ts';
import type { ReferralStore } from './referral-store.ts';
import type { SignInHistoryStore } from './sign-in-history-store.ts';
import { createKyselyStatisticsStore } from './kysely-statistics-store.ts';
import type { StatisticsStore } from './statistics-store.ts';
import type { StorageConnection } from './storage-connection.ts';

/** Every store the server uses, over one database connection (pool). */
export interface Storage {
  referrals: ReferralStore;
  /** Cases at the decision unit: state, history, notes and possible same-person pairs. */
  cases: CaseStore;
  /** What responders add to their delivered referrals from the field app, taken once each. */
  additions: AdditionStore;
  /** Evidence chunks as devices upload them; a referral claims its files as `referrals` stores it. */
  evidence: EvidenceStore;
  accounts: AccountsStore;
  /** What the administrator's console reads: accounts with their counts, the audit log filtered. */
  admin: AdminStore;
  devices: DeviceStore;
  audit: AuditLog;
  rateLimits: RateLimitStore;
  /** What the per-device quotas count: each device's recent referrals and unclaimed evidence. */
  quotas: QuotaStore;
  /** Fingerprints of the keys the stored data was made with. */
  deploymentKeys: DeploymentKeyStore;
  /** Failed sign-ins an account holder is told of when they next sign in. */
  signInHistory: SignInHistoryStore;
  /** The statistical records the figures are counted from (never a case's content). */
  statistics: StatisticsStore;
  /** Whether the database answers now: a health check that a load balancer can trust. */
  ping(): Promise<boolean>;
  /** Whether the database takes a write now: false when it is read-only, its disk is full, or it cannot be reached. */
  canWrite(): Promise<boolean>;
  /** Bytes free on the disk that holds the database, where this process can see it (SQLite); undefined otherwise. */
  freeDiskBytes(): Promise<number | undefined>;
  /** Refreshes the query planner's statistics where the database does not (SQLite); PostgreSQL's autovacuum does. */
  refreshStatistics(): Promise<void>;
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
  return storesOver(connection);
}

/** Every store over a database already at the latest migration (openStorage; tests of a database that fails later). */
export function storesOver(connection: StorageConnection): Storage {
  const { db } = connection;
  // One committer for the writes a device waits on (its nonce, its referral), so they share fsyncs.
  const commits = createGroupCommitter(db, { concurrent: connection.concurrentCommits ?? 1 });
  return {
    referrals: createKyselyReferralStore({ ...connection, commits }),
    cases: createKyselyCaseStore(db),
    additions: createKyselyAdditionStore(db),
    evidence: createKyselyEvidenceStore(db),
    accounts: createKyselyAccountsStore(db),
    admin: createKyselyAdminStore(db),
    devices: createKyselyDeviceStore(db, commits),
    audit: createKyselyAuditLog(db),
    rateLimits: createKyselyRateLimitStore(db),
    quotas: createKyselyQuotaStore(db),
    deploymentKeys: createKyselyDeploymentKeyStore(db),
    signInHistory: createKyselySignInHistoryStore(db),
    statistics: createKyselyStatisticsStore(db),
    ping: () =>
      sql`select 1`.execute(db).then(
        () => true,
        () => false,
      ),
    canWrite: () => {
      const checkedAt = new Date().toISOString();
      // A committed write of one small row: what a read-only database, role or standby refuses.
      return db
        .insertInto('health_checks')
        .values({ name: 'health', checked_at: checkedAt })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ checked_at: checkedAt }))
        .execute()
        .then(
          () => true,
          () => false,
        );
    },
    freeDiskBytes: async () => connection.freeDiskBytes?.(),
    refreshStatistics: async () => {
      await connection.refreshStatistics?.();
    },
    close: () => db.destroy(),
  };
}
