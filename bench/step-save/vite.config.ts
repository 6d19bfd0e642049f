import { defineConfig } from 'vite';

// Bench only: a page that runs the app's own store code in Chromium. Kept apart from the app's
// vite.config.ts so the harness never reaches the app's build, service worker or precache.
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: { target: 'es2022', sourcemap: false, emptyOutDir: true },
});
