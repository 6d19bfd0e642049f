import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { DEFAULT_DEVICE_QUOTAS, type DeviceQuotas } from './services/device-quotas.ts';
import { readServerLimits, type ServerLimits } from './server-limits.ts';
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
  /** INTAKE_KEYRING: the keyring itself (the key file's JSON), from a secret store; when set, no key file is read. */
  intakeKeyringSecret?: string;
  /** The same-person finder's secret (beside the intake keyring unless MATCHING_KEY_FILE says); shared by every instance. */
  matchingKeyFile: string;
  /** MATCHING_KEY: the matching key file's JSON, from a secret store; when set, no key file is read. */
  matchingKeySecret?: string;
  /** INDEPENDENT_REVIEW: negative conclusive grounds go to the independent review panel (off, as in practice since 2022). */
  independentReview: boolean;
  /** FIGURES_SUPPRESSION_THRESHOLD: counts below it are hidden in figures finer than the nation (default 5; 0 turns it off). */
  figuresThreshold: number;
  /** TEST_CLOCK: the server's clock can be moved forward over HTTP. For tests only; refused unless HOST is loopback. */
  testClock: boolean;
  /**
   * ALLOW_UNSIGNED_FROM_LOOPBACK: for a try-out on one machine (`npm start`), sync requests without a
   * device signature are accepted when they come from this machine itself. Refused unless HOST is loopback.
   * Off, every sync request must carry an enrolled device's signature.
   */
  allowUnsignedFromLoopback: boolean;
  deviceQuotas: DeviceQuotas;
  /** Timeouts, the connection cap, the shutdown deadline and the bound on password hashes (server-limits.ts). */
  limits: ServerLimits;
  secureCookies: 'auto' | 'always';
  /** false, the number of proxy hops to believe (as a test of each hop), or a list of proxy addresses / CIDR ranges. Never "every proxy". */
  trustProxy: false | string[] | ((address: string, hop: number) => boolean);
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

/** Names proxy-addr (Fastify's) understands for well-known ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

function trustProxy(value: string | undefined): ServerConfig['trustProxy'] {
  const normal = (value ?? '').trim();
  if (normal === '' || normal === 'false') return false;
  if (normal === 'true') {
    throw new Error(
      'TRUST_PROXY=true would believe any client about its own address (sign-in limits bypassed, the Secure cookie flag spoofed). ' +
        'Write the number of proxies in front of the server (TRUST_PROXY=1 for one load balancer), or their addresses / CIDR ranges (TRUST_PROXY=10.0.0.0/8,192.168.1.5)',
    );
  }
  if (/^\d+$/.test(normal)) {
    const hops = Number(normal);
    if (hops < 1 || hops > 10) throw new Error(`TRUST_PROXY as a number of proxy hops must be from 1 to 10, not ${normal}`);
    return (_address, hop) => hop < hops;
  }
  const entries = normal.split(',').map((entry) => entry.trim()).filter(Boolean);
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length > 0) {
    throw new Error(`TRUST_PROXY must be false, a number of proxy hops, or proxy addresses / CIDR ranges separated by commas; "${wrong.join('", "')}" is none of these`);
  }
  return entries;
}

/** The Home Office's own convention for small areas: fewer than 5 is not shown. */
export const DEFAULT_FIGURES_THRESHOLD = 5;

function wholeNumber(name: string, value: string | undefined, fallback: number, least: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) throw new Error(`${name} must be a whole number of at least ${least}, not "${value}"`);
  return n;
}

function deviceQuotas(env: NodeJS.ProcessEnv): DeviceQuotas {
  return {
    referralsPerHour: wholeNumber('DEVICE_REFERRALS_PER_HOUR', env.DEVICE_REFERRALS_PER_HOUR, DEFAULT_DEVICE_QUOTAS.referralsPerHour, 1),
    unclaimedEvidenceBytes: wholeNumber('DEVICE_EVIDENCE_QUOTA_MB', env.DEVICE_EVIDENCE_QUOTA_MB, DEFAULT_DEVICE_QUOTAS.unclaimedEvidenceBytes / 1_000_000, 2) * 1_000_000,
  };
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

/**
 * Unsigned sync requests only on a try-out machine: the setting is refused unless the server listens on
 * loopback alone, and the device guard also checks that each unsigned request came from this machine.
 */
function allowUnsignedFromLoopback(env: NodeJS.ProcessEnv, host: string): boolean {
  const legacy = (env.REQUIRE_DEVICE_SIGNATURES ?? '').trim();
  if (legacy !== '' && !flag('REQUIRE_DEVICE_SIGNATURES', legacy)) {
    throw new Error(
      'REQUIRE_DEVICE_SIGNATURES=false is no longer possible: device signatures are always required. ' +
        'For a try-out on this machine only, unset it and set ALLOW_UNSIGNED_FROM_LOOPBACK=true with HOST=127.0.0.1 (npm start does).',
    );
  }
  const on = flag('ALLOW_UNSIGNED_FROM_LOOPBACK', env.ALLOW_UNSIGNED_FROM_LOOPBACK);
  if (on && !isLoopback(host)) {
    throw new Error(
      `ALLOW_UNSIGNED_FROM_LOOPBACK=true would let anyone send referrals without an enrolled device, so it runs only on loopback: set HOST to 127.0.0.1 (not "${host}"), ` +
        'or unset ALLOW_UNSIGNED_FROM_LOOPBACK and enrol each device (Settings → This device in the field app)',
    );
  }
  return on;
}

/** A secret given in the environment; an empty value counts as unset. Given with a file for it too, which one is meant is unclear. */
function secret(env: NodeJS.ProcessEnv, name: string, fileSetting: string): string | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === '') return undefined;
  if ((env[fileSetting] ?? '').trim() !== '') throw new Error(`Set ${name} or ${fileSetting}, not both: unset the one this deployment does not use`);
  return value.trim();
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
    intakeKeyringSecret: secret(env, 'INTAKE_KEYRING', 'INTAKE_KEY_FILE'),
    matchingKeySecret: secret(env, 'MATCHING_KEY', 'MATCHING_KEY_FILE'),
    matchingKeyFile: resolve(cwd, env.MATCHING_KEY_FILE ?? resolve(dirname(intakeKeyFile), 'matching-key.json')),
    independentReview: flag('INDEPENDENT_REVIEW', env.INDEPENDENT_REVIEW),
    figuresThreshold: wholeNumber('FIGURES_SUPPRESSION_THRESHOLD', env.FIGURES_SUPPRESSION_THRESHOLD, DEFAULT_FIGURES_THRESHOLD, 0),
    testClock: testClock(env.TEST_CLOCK, host),
    logLevel: env.LOG_LEVEL ?? 'info',
    allowUnsignedFromLoopback: allowUnsignedFromLoopback(env, host),
    deviceQuotas: deviceQuotas(env),
    limits: readServerLimits(env),
    secureCookies: secureCookies(env.SECURE_COOKIES),
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}
