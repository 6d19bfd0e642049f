/**
 * What one server process gives slow or heavy clients: how long it waits for them, how many it holds
 * at once, how many password hashes it runs together, and how long it waits for them when stopping.
 * Without these, a few hundred connections that send nothing, or fifty sign-ins at once, stop intake.
 */
export interface ServerLimits {
  /** The whole request, headers and body, must arrive within this (Node's requestTimeout). */
  requestTimeoutMs: number;
  /** The request's headers must arrive within this (Node's headersTimeout): a client dribbling them is cut. */
  headersTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A connection on which nothing moves either way for this long is closed (Fastify's connectionTimeout). */
  connectionTimeoutMs: number;
  /** Connections held at once; more are closed as they arrive (the device retries later). */
  maxConnections: number;
  /** On SIGTERM, requests in flight get this long to finish; then their connections are cut. */
  shutdownTimeoutMs: number;
  /** Password hashes (scrypt) run at once; they share Node's small thread pool with intake's HPKE. */
  passwordHashConcurrency: number;
  /** Sign-ins waiting for a hash; one more is answered 503 with Retry-After. */
  passwordHashQueue: number;
}

/**
 * A 1 MiB referral or evidence chunk arrives within two minutes at 70 kbit/s, slower than the 3G the
 * budgets assume; an idle connection costs a file descriptor and memory, so it is not kept long.
 * One hash at a time leaves three of the four threads of Node's pool to intake, at 2.5 sign-ins a second.
 */
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  requestTimeoutMs: 120_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  connectionTimeoutMs: 30_000,
  maxConnections: 500,
  shutdownTimeoutMs: 10_000,
  passwordHashConcurrency: 1,
  passwordHashQueue: 10,
};

const VARIABLES: Record<keyof ServerLimits, string> = {
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  headersTimeoutMs: 'HEADERS_TIMEOUT_MS',
  keepAliveTimeoutMs: 'KEEP_ALIVE_TIMEOUT_MS',
  connectionTimeoutMs: 'CONNECTION_TIMEOUT_MS',
  maxConnections: 'MAX_CONNECTIONS',
  shutdownTimeoutMs: 'SHUTDOWN_TIMEOUT_MS',
  passwordHashConcurrency: 'PASSWORD_HASH_CONCURRENCY',
  passwordHashQueue: 'PASSWORD_HASH_QUEUE',
};

function wholeNumber(name: string, value: string | undefined, fallback: number, least: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < least) throw new Error(`${name} must be a whole number of at least ${least}, not "${value}"`);
  return n;
}

export function readServerLimits(env: NodeJS.ProcessEnv): ServerLimits {
  const read = (key: keyof ServerLimits, least = 1) => wholeNumber(VARIABLES[key], env[VARIABLES[key]], DEFAULT_SERVER_LIMITS[key], least);
  const limits: ServerLimits = {
    requestTimeoutMs: read('requestTimeoutMs'),
    headersTimeoutMs: read('headersTimeoutMs'),
    keepAliveTimeoutMs: read('keepAliveTimeoutMs'),
    connectionTimeoutMs: read('connectionTimeoutMs'),
    maxConnections: read('maxConnections'),
    shutdownTimeoutMs: read('shutdownTimeoutMs', 0),
    passwordHashConcurrency: read('passwordHashConcurrency'),
    passwordHashQueue: read('passwordHashQueue', 0),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(`HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) cannot be longer than REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs}): the headers are part of the request`);
  }
  return limits;
}

/**
 * Node checks the header and request timeouts on a timer (every 30 s by default), so a timeout of 10 s
 * would really be up to 40 s: check four times per shortest timeout, at most once a second.
 */
export function connectionsCheckingInterval(limits: Pick<ServerLimits, 'headersTimeoutMs' | 'requestTimeoutMs'>): number {
  return Math.max(10, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
}

/** What app.ts applies to the HTTP server; the rest is for main.ts (shutdown) and compose.ts (hashing). */
export type HttpLimits = Pick<ServerLimits, 'requestTimeoutMs' | 'headersTimeoutMs' | 'keepAliveTimeoutMs' | 'connectionTimeoutMs' | 'maxConnections'>;
