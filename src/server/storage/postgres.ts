import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { DatabaseError, Pool, escapeIdentifier } from 'pg';
import { postgresMigrations } from './migrations/postgres/index.ts';
import type { Database } from './schema.ts';
import type { StorageConnection } from './storage-connection.ts';

const UNIQUE_VIOLATION = '23505';
/** Named in migrations/postgres/0001-referrals.ts. */
const REFERENCE_CONSTRAINT = 'referrals_reference_key';

function isReferenceCollision(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === UNIQUE_VIOLATION && error.constraint === REFERENCE_CONSTRAINT;
}

export interface PostgresOptions {
  /** postgres://user:password@host:port/database, with any libpq-style parameters such as sslmode. */
  url: string;
  /** Holds every table, Kysely's migration tables included; created if missing. */
  schema: string;
  poolMax: number;
  /** A pooled connection died while idle (database restart, failover); the pool replaces it. */
  onIdleClientError: (error: Error) => void;
}

/**
 * Connects lazily through a pool. A commit returns only once PostgreSQL has flushed it to its WAL
 * (synchronous_commit on, the default), which is what lets the server send a receipt straight after.
 */
export function connectPostgres({ url, schema, poolMax, onIdleClientError }: PostgresOptions): StorageConnection {
  const pool = new Pool({ connectionString: url, max: poolMax, application_name: 'nrm-field', connectionTimeoutMillis: 10_000 });
  // Without a listener, an idle connection's error would end the process.
  pool.on('error', onIdleClientError);
  const useSchema = CompiledQuery.raw(`set search_path to ${escapeIdentifier(schema)}`);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(useSchema);
      },
    }),
  });
  // Each group commit holds a connection while it runs; half the pool may, so reads are never starved of one.
  return { db, migrations: postgresMigrations, migrationSchema: schema, isReferenceCollision, concurrentCommits: Math.max(1, Math.floor(poolMax / 2)) };
}
