import { Migrator } from 'kysely';
import type { StorageConnection } from './storage-connection.ts';

/**
 * Applies every migration not yet applied and returns their names. Kysely holds a database-wide lock
 * meanwhile (an advisory lock on PostgreSQL), so instances starting together migrate once.
 */
export async function migrateToLatest({ db, migrations, migrationSchema }: StorageConnection): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationSchema ? { migrationTableSchema: migrationSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}
