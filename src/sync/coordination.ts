import type { ExclusiveRunner } from './ports.ts';

/** One name for the sender lock, shared by every tab and the service worker. */
export const SENDER_LOCK = 'nrm-field-outbox-sender';

/**
 * Runs tasks under the Web Lock so that only one sender works at a time across tabs and the service
 * worker. Without Web Locks each context still sends one item at a time, and a rare double send is
 * harmless: the server answers a repeat with the same receipt.
 */
export function createExclusiveRunner(locks: LockManager | undefined): ExclusiveRunner {
  if (!locks) return (task) => task();
  return (task) => locks.request(SENDER_LOCK, task);
}

/** The Background Sync tag under which the page asks the service worker to send the outbox. */
export const OUTBOX_SYNC_TAG = 'nrm-field-outbox';

/**
 * What the service worker tells open pages after the server refused this device as revoked during a
 * background send: it has wiped the device's data, and each page wipes what it still holds and says why.
 */
export const DEVICE_REVOKED_MESSAGE = 'nrm-field-device-revoked';

export function isDeviceRevokedMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === DEVICE_REVOKED_MESSAGE;
}
