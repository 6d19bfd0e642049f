/// <reference lib="webworker" />
import { FieldDatabase } from '../src/store/db.ts';
import { createDeviceIdentity } from '../src/store/device-identity.ts';
import { createOutboxAccess } from '../src/store/outbox.ts';
import { createSettings } from '../src/store/settings.ts';
import { wipeDevice } from '../src/store/wipe.ts';
import { DEVICE_REVOKED_MESSAGE, OUTBOX_SYNC_TAG } from '../src/sync/coordination.ts';
import type { SyncEngine } from '../src/sync/engine.ts';
import { submitAddition } from '../src/sync/api-additions.ts';
import { createSender } from '../src/sync/sender.ts';
import { uploadFiles } from '../src/sync/upload.ts';

/** Background Sync is not in TypeScript's WebWorker library yet. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/**
 * Sends the outbox when the browser says the device is back online, even with the app closed.
 * Bodies are sent as they were queued, so the service worker needs nothing of the user's.
 */
export function handleBackgroundSync(scope: ServiceWorkerGlobalScope): void {
  let sender: { engine: SyncEngine; outbox: ReturnType<typeof createOutboxAccess>; db: FieldDatabase } | undefined;
  const open = () => {
    if (sender) return sender;
    const db = new FieldDatabase();
    const outbox = createOutboxAccess(db);
    const engine = createSender({
      outbox,
      identity: createDeviceIdentity(db),
      fetch: (...args) => fetch(...args),
      locks: scope.navigator.locks,
      clock: { now: () => new Date() },
      submitAddition,
      uploadFiles,
    });
    sender = { engine, outbox, db };
    return sender;
  };

  /**
   * The server refused this device as revoked: an administrator removed it. Nothing may stay on it,
   * whether the app is open or not; an open page is told, so that it wipes what it holds and says why.
   */
  const wipeRevoked = async (db: FieldDatabase) => {
    sender = undefined;
    await wipeDevice(db, createSettings());
    for (const client of await scope.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage({ type: DEVICE_REVOKED_MESSAGE });
  };

  scope.addEventListener('sync', (event) => {
    const sync = event as SyncEvent;
    if (sync.tag !== OUTBOX_SYNC_TAG) return;
    sync.waitUntil(
      (async () => {
        const { engine, outbox, db } = open();
        await engine.drain({ now: true });
        if (engine.progress().revoked) return wipeRevoked(db);
        // A rejected promise makes the browser try again later, with its own backoff.
        if ((await outbox.due(Number.POSITIVE_INFINITY)).length > 0) throw new Error('Referrals still waiting to send');
      })(),
    );
  });
}
