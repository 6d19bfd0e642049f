import { Workbox } from 'workbox-window';

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
