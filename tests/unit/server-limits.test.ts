import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { connectionsCheckingInterval, DEFAULT_SERVER_LIMITS, readServerLimits } from '../../src/server/server-limits.ts';

describe('server limits', () => {
  it('are on by default: timeouts, a connection cap, a shutdown deadline and one password hash at a time', () => {
    expect(readConfig({}, '/').limits).toEqual(DEFAULT_SERVER_LIMITS);
    expect(DEFAULT_SERVER_LIMITS).toEqual({
      requestTimeoutMs: 120_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5_000,
      connectionTimeoutMs: 30_000,
      maxConnections: 500,
      shutdownTimeoutMs: 10_000,
      passwordHashConcurrency: 1,
      passwordHashQueue: 10,
    });
  });

  it('are read from the environment', () => {
    const env = {
      REQUEST_TIMEOUT_MS: '60000',
      HEADERS_TIMEOUT_MS: '5000',
      KEEP_ALIVE_TIMEOUT_MS: '65000',
      CONNECTION_TIMEOUT_MS: '20000',
      MAX_CONNECTIONS: '2000',
      SHUTDOWN_TIMEOUT_MS: '0',
      PASSWORD_HASH_CONCURRENCY: '2',
      PASSWORD_HASH_QUEUE: '0',
    };
    expect(readServerLimits(env)).toEqual({
      requestTimeoutMs: 60_000,
      headersTimeoutMs: 5_000,
      keepAliveTimeoutMs: 65_000,
      connectionTimeoutMs: 20_000,
      maxConnections: 2_000,
      shutdownTimeoutMs: 0,
      passwordHashConcurrency: 2,
      passwordHashQueue: 0,
    });
  });

  it('refuse what cannot be meant, saying which setting and why', () => {
    expect(() => readServerLimits({ MAX_CONNECTIONS: '0' })).toThrow(/MAX_CONNECTIONS must be a whole number of at least 1, not "0"/);
    expect(() => readServerLimits({ REQUEST_TIMEOUT_MS: '2 minutes' })).toThrow(/REQUEST_TIMEOUT_MS/);
    expect(() => readServerLimits({ PASSWORD_HASH_CONCURRENCY: '1.5' })).toThrow(/PASSWORD_HASH_CONCURRENCY/);
    expect(() => readServerLimits({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '10000' })).toThrow(/HEADERS_TIMEOUT_MS \(10000\) cannot be longer than REQUEST_TIMEOUT_MS/);
  });

  it('check timeouts often enough that a 10-second one is not really 40', () => {
    expect(connectionsCheckingInterval(DEFAULT_SERVER_LIMITS)).toBe(1_000);
    expect(connectionsCheckingInterval({ headersTimeoutMs: 400, requestTimeoutMs: 1_000 })).toBe(100);
  });
});
