/**
 * Fixed-window counters kept in the database, so every server instance counts the same attempts
 * (a counter in one process's memory would let a client multiply its allowance by the instances).
 */
export interface RateLimitStore {
  /** Counts one more hit on `key`; a new window starts when the previous one has ended. */
  hit(key: string, windowMs: number, now: Date): Promise<{ hits: number; windowEndsAt: Date }>;
  deleteExpired(now: string): Promise<void>;
}
