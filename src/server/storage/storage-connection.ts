import type { Kysely, Migration } from 'kysely';
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
  /** Brings the query planner's statistics up to date, where the database does not do so by itself (SQLite). */
  refreshStatistics?: () => Promise<void>;
  /** Group commits that may be in flight at once (storage/group-commit.ts): 1 (the default) where the database has one writer. */
  concurrentCommits?: number;
  /** Bytes free on the disk of the database file, where the database is a file this process writes (SQLite). */
  freeDiskBytes?: () => Promise<number>;
}
