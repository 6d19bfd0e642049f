import type { Kysely, Migration } from 'kysely';
import { createKyselyReferralStore } from './kysely-referral-store.ts';
import { migrateToLatest } from './migrate.ts';
import type { ReferralStore } from './referral-store.ts';
import type { Database } from './schema.ts';

/** What each dialect adapter provides; everything above it is written once for any Kysely dialect. */
export interface StorageConnection {
  db: Kysely<Database>;
  migrations: Record<string, Migration>;
  /**
   * The schema that holds Kysely's own migration tables, when the dialect has schemas. Named explicitly
   * because Kysely otherwise looks for those tables in every schema of the database.
   */
  migrationSchema?: string;
  /** Tells a unique-constraint failure on the reference column apart from any other error. */
  isReferenceCollision: (error: unknown) => boolean;
}

/** Brings the database to the latest migration, then serves referrals from it. */
export async function openStore(connection: StorageConnection): Promise<ReferralStore> {
  try {
    await migrateToLatest(connection);
  } catch (error) {
    await connection.db.destroy();
    throw error;
  }
  return createKyselyReferralStore(connection);
}
