import { createExclusiveRunner } from './coordination.ts';
import { createSyncEngine, type SyncEngine } from './engine.ts';
import type { SubmitAddition } from './api-additions.ts';
import { createHttpTransport } from './http-transport.ts';
import type { Clock, DeviceSigner, OutboxPort } from './ports.ts';
import type { UploadFiles } from './upload.ts';

export interface SenderDeps {
  /** The device's outbox (the store's createOutboxAccess). */
  outbox: OutboxPort;
  /** The device's signing key (the store's createDeviceIdentity). */
  identity: DeviceSigner;
  fetch: typeof fetch;
  /** Web Locks of the page or service worker, so that one context sends at a time. */
  locks: LockManager | undefined;
  clock: Clock;
  /** How additions are sent (see HttpTransportOptions.submitAddition). */
  submitAddition: SubmitAddition;
  /** How evidence files are uploaded (see SyncEngineDeps.uploadFiles). */
  uploadFiles: UploadFiles;
}

/**
 * The outbox's sender as the page and the service worker both run it: the sync engine over the signed
 * HTTP transport, under the sender lock they share.
 */
export function createSender({ outbox, identity, fetch, locks, clock, submitAddition, uploadFiles }: SenderDeps): SyncEngine {
  return createSyncEngine({
    outbox,
    transport: createHttpTransport({ fetch, clock, submitAddition, sign: (request) => identity.sign(request, clock.now()) }),
    clock,
    random: Math.random,
    exclusive: createExclusiveRunner(locks),
    uploadFiles,
  });
}
