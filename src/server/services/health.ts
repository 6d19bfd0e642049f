import type { Storage } from '../storage/storage.ts';
import type { DatabaseFault } from '../storage/unavailable.ts';

/** Below this much free disk beside the SQLite file, the instance says it cannot take referrals (one with files may need tens of MB). */
export const DEFAULT_MIN_FREE_DISK_BYTES = 100 * 1_000_000;
/**
 * After a request failed because the database would not write, how long health keeps saying so, even if
 * its own small write gets through (a full disk can take an update in place and still refuse a referral).
 */
export const WRITE_FAILURE_MEMORY_MS = 30_000;

export type Health = { ok: true } | { ok: false; reason: 'unreachable' | 'cannot-write' | 'disk-full' };

export interface HealthDeps extends Pick<Storage, 'ping' | 'canWrite' | 'freeDiskBytes'> {
  now: () => Date;
  minFreeDiskBytes?: number;
}

/** Whether this instance can store a referral now, for devices and load balancers. */
export function createHealthService({ ping, canWrite, freeDiskBytes, now, minFreeDiskBytes = DEFAULT_MIN_FREE_DISK_BYTES }: HealthDeps) {
  // This instance's own observation of its database, not shared state: another instance may be healthy.
  let lastWriteFailure = Number.NEGATIVE_INFINITY;
  return {
    /** Healthy while the database answers, takes a write, has disk to spare, and no request failed to write just now. */
    async check(): Promise<Health> {
      if (!(await ping())) return { ok: false, reason: 'unreachable' };
      if (!(await canWrite())) return { ok: false, reason: 'cannot-write' };
      const free = await freeDiskBytes().catch(() => undefined);
      if (free !== undefined && free < minFreeDiskBytes) return { ok: false, reason: 'disk-full' };
      if (now().getTime() - lastWriteFailure < WRITE_FAILURE_MEMORY_MS) return { ok: false, reason: 'cannot-write' };
      return { ok: true };
    },

    /** A request failed for the database's fault (storage/unavailable.ts). */
    noteFault(fault: DatabaseFault): void {
      if (fault === 'cannot-write') lastWriteFailure = now().getTime();
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
