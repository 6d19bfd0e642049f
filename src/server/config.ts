import { resolve } from 'node:path';
import type { DatabaseConfig } from './storage/connect.ts';

export interface ServerConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  staticDir: string;
  logLevel: string;
  /** The intake keyring (HPKE private keys). Every instance of one deployment must read the same file. */
  intakeKeyFile: string;
}

function port(value: string | undefined): number {
  const n = Number(value ?? 8080);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  return n;
}

function poolMax(value: string | undefined): number {
  const n = Number(value ?? 10);
  if (!Number.isInteger(n) || n < 1) throw new Error(`DATABASE_POOL_MAX must be a whole number of at least 1, not "${value}"`);
  return n;
}

// PostgreSQL folds unquoted names to lower case; allowing only names that fold to themselves means the
// schema is spelled the same here, in psql and in `pg_dump --schema`, quoted or not.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function database(env: NodeJS.ProcessEnv, cwd: string): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (!url) {
    const dataDir = resolve(cwd, env.DATA_DIR ?? 'data');
    return { kind: 'sqlite', file: resolve(dataDir, env.SQLITE_FILE ?? 'nrm-field.sqlite') };
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded SQLite file)');
  }
  const schema = env.DATABASE_SCHEMA ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`DATABASE_SCHEMA must be lower-case letters, digits and underscores, not "${schema}"`);
  }
  return { kind: 'postgres', url, schema, poolMax: poolMax(env.DATABASE_POOL_MAX) };
}

export function readConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  return {
    host: env.HOST ?? 'localhost',
    port: port(env.PORT),
    database: database(env, cwd),
    staticDir: resolve(cwd, env.STATIC_DIR ?? 'dist'),
    intakeKeyFile: resolve(cwd, env.INTAKE_KEY_FILE ?? resolve(cwd, env.DATA_DIR ?? 'data', 'intake-keys.json')),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
