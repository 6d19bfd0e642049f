import type { Storage } from '../storage/storage.ts';

/** How often each instance clears expired rows; any instance may, and doing it twice is harmless. */
export const HOUSEKEEPING_INTERVAL_MS = 10 * 60 * 1000;

/**
 * How long uploaded evidence may wait for its referral. A device that comes back later is told
 * `files-incomplete` and uploads again, so nothing is lost by forgetting sooner than it returns.
 */
export const UNCLAIMED_EVIDENCE_DAYS = 30;

/**
 * Deletes expired sessions, one-time codes, nonces and rate-limit windows, and evidence no referral claimed;
 * then lets the database refresh its planner's statistics (SQLite does not by itself), so that the queue
 * keeps reading the right index as cases grow.
 */
export async function forgetExpired(storage: Pick<Storage, 'accounts' | 'devices' | 'rateLimits' | 'evidence' | 'refreshStatistics'>, now: Date): Promise<void> {
  const at = now.toISOString();
  await storage.accounts.deleteExpired(at);
  await storage.devices.deleteExpired(at);
  await storage.rateLimits.deleteExpired(at);
  await storage.evidence.deleteUnclaimed(new Date(now.getTime() - UNCLAIMED_EVIDENCE_DAYS * 24 * 60 * 60 * 1000).toISOString());
  await storage.refreshStatistics();
}
