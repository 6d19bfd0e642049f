import { resolve } from 'node:path';
import type { DatabaseConfig } from './storage/connect.ts';

export interface ServerConfig {
  host: string;
  port: number;
  /** Where people reach this server (links printed for them); defaults to http://HOST:PORT. */
  publicUrl: string;
  database: DatabaseConfig;
  staticDir: string;
  logLevel: string;
  /** The intake keyring (HPKE private keys). Every instance of one deployment must read the same file. */
  intakeKeyFile: string;
  /** Refuse sync requests that carry no device signature (off until the field app signs). */
  requireDeviceSignatures: boolean;
  secureCookies: 'auto' | 'always';
  /** false, true (every proxy), the number of proxy hops to believe, or a list of proxy addresses / CIDR ranges. */
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean);
}

function flag(name: string, value: string | undefined): boolean {
  const normal = (value ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(normal)) return false;
  if (['1', 'true', 'yes', 'on'].includes(normal)) return true;
  throw new Error(`${name} must be true or false, not "${value}"`);
}

function secureCookies(value: string | undefined): 'auto' | 'always' {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === 'always') return 'always';
  throw new Error(`SECURE_COOKIES must be auto (Secure when the request came over HTTPS) or always, not "${value}"`);
}

function trustProxy(value: string | undefined): ServerConfig['trustProxy'] {
  const normal = (value ?? '').trim();
  if (normal === '' || normal === 'false') return false;
  if (normal === 'true') return true;
  if (/^\d+$/.test(normal)) {
    const hops = Number(normal);
    return (_address, hop) => hop < hops;
  }
  return normal.split(',').map((entry) => entry.trim()).filter(Boolean);
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
  const host = env.HOST ?? 'localhost';
  const listenPort = port(env.PORT);
  return {
    host,
    port: listenPort,
    publicUrl: (env.PUBLIC_URL ?? `http://${host}:${listenPort}`).replace(/\/+$/, ''),
    database: database(env, cwd),
    staticDir: resolve(cwd, env.STATIC_DIR ?? 'dist'),
    intakeKeyFile: resolve(cwd, env.INTAKE_KEY_FILE ?? resolve(cwd, env.DATA_DIR ?? 'data', 'intake-keys.json')),
    logLevel: env.LOG_LEVEL ?? 'info',
    requireDeviceSignatures: flag('REQUIRE_DEVICE_SIGNATURES', env.REQUIRE_DEVICE_SIGNATURES),
    secureCookies: secureCookies(env.SECURE_COOKIES),
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}
