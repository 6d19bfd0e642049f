import { dirname, resolve } from 'node:path';
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
  /** The same-person finder's secret (beside the intake keyring unless MATCHING_KEY_FILE says); shared by every instance. */
  matchingKeyFile: string;
  /** INDEPENDENT_REVIEW: negative conclusive grounds go to the independent review panel (off, as in practice since 2022). */
  independentReview: boolean;
  /** TEST_CLOCK: the server's clock can be moved forward over HTTP. For tests only; refused unless HOST is loopback. */
  testClock: boolean;
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

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

function testClock(value: string | undefined, host: string): boolean {
  const on = flag('TEST_CLOCK', value);
  if (on && !isLoopback(host)) {
    throw new Error(`TEST_CLOCK=true lets anyone who can reach the server move its clock, so it runs only on loopback: set HOST to 127.0.0.1 (not "${host}"), or leave TEST_CLOCK unset`);
  }
  return on;
}

export function readConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const host = env.HOST ?? 'localhost';
  const listenPort = port(env.PORT);
  const intakeKeyFile = resolve(cwd, env.INTAKE_KEY_FILE ?? resolve(cwd, env.DATA_DIR ?? 'data', 'intake-keys.json'));
  return {
    host,
    port: listenPort,
    publicUrl: (env.PUBLIC_URL ?? `http://${host}:${listenPort}`).replace(/\/+$/, ''),
    database: database(env, cwd),
    staticDir: resolve(cwd, env.STATIC_DIR ?? 'dist'),
    intakeKeyFile,
    matchingKeyFile: resolve(cwd, env.MATCHING_KEY_FILE ?? resolve(dirname(intakeKeyFile), 'matching-key.json')),
    independentReview: flag('INDEPENDENT_REVIEW', env.INDEPENDENT_REVIEW),
    testClock: testClock(env.TEST_CLOCK, host),
    logLevel: env.LOG_LEVEL ?? 'info',
    requireDeviceSignatures: flag('REQUIRE_DEVICE_SIGNATURES', env.REQUIRE_DEVICE_SIGNATURES),
    secureCookies: secureCookies(env.SECURE_COOKIES),
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}
