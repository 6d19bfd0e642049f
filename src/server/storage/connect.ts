import { connectPostgres } from './postgres.ts';
import { connectSqlite } from './sqlite.ts';
import type { StorageConnection } from './storage-connection.ts';

/** Where referrals live: the embedded SQLite file (one server) or PostgreSQL (any number of servers). */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema: string; poolMax: number };

export function connectDatabase(config: DatabaseConfig, onIdleClientError: (error: Error) => void): StorageConnection {
  return config.kind === 'postgres' ? connectPostgres({ ...config, onIdleClientError }) : connectSqlite(config.file);
}
