import { hashToken } from '../auth/tokens.ts';
import type { RateLimitStore } from '../storage/rate-limit-store.ts';

/** The counters behind the sign-in limits (auth/rate-limits.ts), in the database so every instance shares them. */
export function createSignInAttempts({ rateLimits, now }: { rateLimits: RateLimitStore; now: () => Date }) {
  return {
    /** Counts one more attempt under `key` in its window; `ttlMs`: how long until that window ends. */
    async hit(key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
      // Keys name an address or an account: only their hash is stored.
      const { hits, windowEndsAt } = await rateLimits.hit(hashToken(key), windowMs, now());
      return { hits, ttlMs: Math.max(0, windowEndsAt.getTime() - now().getTime()) };
    },
  };
}

export type SignInAttempts = ReturnType<typeof createSignInAttempts>;
