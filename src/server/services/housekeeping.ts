import type { Storage } from '../storage/storage.ts';

/** How often each instance clears expired rows; any instance may, and doing it twice is harmless. */
export const HOUSEKEEPING_INTERVAL_MS = 10 * 60 * 1000;

/** Deletes expired sessions, one-time codes, nonces and rate-limit windows. */
export async function forgetExpired(storage: Pick<Storage, 'accounts' | 'devices' | 'rateLimits'>, now: Date): Promise<void> {
  const at = now.toISOString();
  await storage.accounts.deleteExpired(at);
  await storage.devices.deleteExpired(at);
  await storage.rateLimits.deleteExpired(at);
}
