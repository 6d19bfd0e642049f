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
}
