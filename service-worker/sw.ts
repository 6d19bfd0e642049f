/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { handleBackgroundSync } from './background-sync.ts';
import { isSkipWaitingMessage } from './messages.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// The app shell only: built files with their revisions. API answers are never cached (they carry
// receipts and, later, case data), so no fetch handler here touches /api/.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The casework console (/console/) is another page with its own entry: never answer it with the field
// app's shell. Its files are not precached either (vite.config.ts), so it always comes from the server.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/console(\/|$)/] }));

// Control the page on first install, so the very first visit already works offline.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  // A new version waits until the page asks (the user chose "Update now").
  if (isSkipWaitingMessage(event.data)) void self.skipWaiting();
});

handleBackgroundSync(self);
