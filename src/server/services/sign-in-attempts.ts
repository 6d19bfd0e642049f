import { createHmac, randomBytes } from 'node:crypto';
import type { RateLimitStore } from '../storage/rate-limit-store.ts';

/** How a counter's key (it names an address or an account) is stored: a keyed hash, never the key. */
export type KeyedHash = (key: string) => string;

/**
 * An HMAC under a random secret of this process only: for tests and tools. A server uses the deployment's
 * shared secret (MatchingKey.rateLimitKey), or each instance would count its own attempts.
 */
export function ephemeralKeyedHash(): KeyedHash {
  const secret = randomBytes(32);
  return (key) => createHmac('sha256', secret).update(key, 'utf8').digest('base64url');
}

/** The counters behind the sign-in limits (auth/rate-limits.ts), in the database so every instance shares them. */
export function createSignInAttempts({ rateLimits, now, keyOf }: { rateLimits: RateLimitStore; now: () => Date; keyOf: KeyedHash }) {
  return {
    /** Counts one more attempt under `key` in its window; `ttlMs`: how long until that window ends. */
    async hit(key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
      // A plain hash of an IPv4 address is reversed by hashing all 2^32 of them; a keyed one is not without the secret.
      const { hits, windowEndsAt } = await rateLimits.hit(keyOf(key), windowMs, now());
      return { hits, ttlMs: Math.max(0, windowEndsAt.getTime() - now().getTime()) };
    },
  };
}

export type SignInAttempts = ReturnType<typeof createSignInAttempts>;
