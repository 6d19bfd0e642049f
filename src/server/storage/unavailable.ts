/**
 * Why the database could not do what a request needed, when the fault is the database's and not the
 * request's: `cannot-write` (a full disk, a read-only database or role, an I/O error), `unreachable`
 * (stopped, restarting, out of connections, closed) or `busy` (contention that passes by itself).
 * Either way the answer is 503 with Retry-After — devices keep what they hold and try again — never 500.
 */
export type DatabaseFault = 'cannot-write' | 'unreachable' | 'busy';

const SQLITE_FAULTS: Record<string, DatabaseFault> = {
  SQLITE_FULL: 'cannot-write',
  SQLITE_READONLY: 'cannot-write',
  SQLITE_IOERR: 'cannot-write',
  SQLITE_CANTOPEN: 'unreachable',
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
};

/** PostgreSQL SQLSTATEs, by class (two characters) or in full. */
const POSTGRES_FAULTS: Record<string, DatabaseFault> = {
  '08': 'unreachable', // connection exception
  '28': 'unreachable', // the server's role may not log in (any more)
  '3D': 'unreachable', // the database does not exist (dropped, or the wrong URL)
  '53': 'cannot-write', // insufficient resources: disk full, out of memory, too many connections
  '57': 'unreachable', // operator intervention: shut down, restarting, cannot connect now
  '58': 'cannot-write', // system error: I/O
  '25006': 'cannot-write', // read-only transaction: a read-only role, or a standby after failover
  '40001': 'busy', // serialisation failure
  '40P01': 'busy', // deadlock
  '55P03': 'busy', // lock not available
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Said by node-postgres, better-sqlite3 and Kysely when the connection is gone rather than refusing one statement. */
const GONE = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Cannot use a pool after calling end on the pool/,
  /is not queryable/,
  /^The database connection is not open/,
  /^driver has already been destroyed/,
];

function faultOfOne(error: unknown): DatabaseFault | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_')) {
      const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
      return SQLITE_FAULTS[primary];
    }
    if (NETWORK_CODES.has(code)) return 'unreachable';
    if (/^[0-9A-Z]{5}$/.test(code)) return POSTGRES_FAULTS[code] ?? POSTGRES_FAULTS[code.slice(0, 2)];
  }
  return GONE.some((pattern) => pattern.test(error.message)) ? 'unreachable' : undefined;
}

/** The database's fault behind `error` (or any error it was caused by), if it is one. */
export function databaseFaultOf(error: unknown): DatabaseFault | undefined {
  for (let at: unknown = error, depth = 0; at !== undefined && depth < 5; at = (at as { cause?: unknown }).cause, depth += 1) {
    const fault = faultOfOne(at);
    if (fault) return fault;
    if (!(at instanceof Error)) return undefined;
  }
  return undefined;
}
