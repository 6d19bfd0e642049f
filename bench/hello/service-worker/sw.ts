import { precacheAndRoute } from 'workbox-precaching';

// The app's vite.config.ts builds service-worker/sw.ts under the root: the least a precaching worker does.
declare const self: { __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0] };
precacheAndRoute(self.__WB_MANIFEST);
