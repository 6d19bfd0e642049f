import rateLimit, { normalizeIP, type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normaliseEmail } from '../../shared/accounts.ts';
import { problem, sendProblem } from '../problem.ts';
import type { SignInAttempts } from '../services/sign-in-attempts.ts';

export interface Limit {
  max: number;
  windowMs: number;
}

export interface SignInLimits {
  /**
   * Attempts on one account from one address (IPv6: one /64): what stops guessing one person's password.
   * Counted per account AND address (as the NCSC advises), so that someone elsewhere guessing cannot lock
   * the account's owner out; the owner is told of the failed attempts when they next sign in.
   */
  perAccountAndAddress: Limit;
  /** Attempts from one address on any account: what stops spraying many accounts, and guessing one from one place. */
  perAddress: Limit;
}

/** Higher per address than per account: a police station's officers may share one address. */
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAccountAndAddress: { max: 10, windowMs: 15 * 60 * 1000 },
  perAddress: { max: 50, windowMs: 15 * 60 * 1000 },
};

/** @fastify/rate-limit's store interface over the database's counters, so all instances share them. */
function databaseStore(attempts: SignInAttempts): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      attempts.hit(key, timeWindow).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

export type LimitCheck = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** A 429 in problem+json with Retry-After in seconds, which the device and the console both honour. */
function tooMany(reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  reply.header('retry-after', String(retryAfterSeconds));
  return sendProblem(
    reply,
    problem(429, 'rate-limited', 'Too many attempts', {
      detail: `Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again. If you have forgotten your password, ask an administrator to reset it.`,
    }),
  );
}

/**
 * Registers the limiter and returns the two checks of sign-in (and of the one-time code routes):
 * `perAddress` before the body is read, `perAccountAndAddress` once the email is known.
 */
export async function registerSignInLimits(app: FastifyInstance, attempts: SignInAttempts, limits: SignInLimits) {
  await app.register(rateLimit, { global: false, store: databaseStore(attempts) });

  function check(limit: Limit, key: (request: FastifyRequest) => string): LimitCheck {
    const count = app.createRateLimit({ max: limit.max, timeWindow: limit.windowMs, keyGenerator: key });
    return async (request, reply) => {
      const outcome = await count(request);
      if (outcome.isAllowed || !outcome.isExceeded) return undefined;
      return tooMany(reply, outcome.ttlInSeconds);
    };
  }

  return {
    perAddress: check(limits.perAddress, (request) => `sign-in address ${normalizeIP(request.ip)}`),
    // Run after the body has been validated: its email is then a string.
    perAccountAndAddress: check(
      limits.perAccountAndAddress,
      (request) => `sign-in account ${normaliseEmail(String((request.body as { email?: unknown }).email))} from ${normalizeIP(request.ip)}`,
    ),
  };
}
