import { Workbox } from 'workbox-window';
import { OUTBOX_SYNC_TAG, isDeviceRevokedMessage } from '../../sync/coordination.ts';

/**
 * The app's only link to its service worker. A new version waits until the user chooses to update;
 * then it takes over and the page reloads once. Queued referrals live in IndexedDB, so they survive it.
 */
export function registerServiceWorker(scriptUrl: string, onUpdateReady: (apply: () => void) => void): void {
  if (!('serviceWorker' in navigator)) return;
  const wb = new Workbox(scriptUrl);
  wb.addEventListener('waiting', () => {
    onUpdateReady(() => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}

interface SyncManager {
  register(tag: string): Promise<void>;
}

/**
 * Asks the browser to wake the service worker when the device is online again, so the outbox is sent
 * even if the app is closed by then. Browsers without Background Sync rely on the app's own triggers.
 */
export async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { sync?: SyncManager };
    await registration.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // Not supported or not allowed: the app's own triggers still send the outbox.
  }
}

/** Calls `onRevoked` when the service worker, sending in the background, found this device revoked (and wiped it). */
export function onRevokedInBackground(onRevoked: () => void): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (isDeviceRevokedMessage(event.data)) onRevoked();
  });
}
