import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const PROJECT_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Built files of the casework console: the field app's service worker must never precache them. */
const CONSOLE_FILES = ['console/**', 'assets/console-*'];

/**
 * Two pages: the field app (`index.html`) and the casework console (`console/index.html`), so the
 * field bundle never carries the console. Only for a build of this project's root: the bench builds a
 * bare page (`bench/hello`) with this same configuration, and that page has no console.
 */
function consoleEntry(): Plugin {
  return {
    name: 'nrm-field:console-entry',
    config(config) {
      if (resolve(config.root ?? process.cwd()) !== resolve(PROJECT_ROOT)) return undefined;
      return {
        build: {
          rolldownOptions: {
            input: { app: resolve(PROJECT_ROOT, 'index.html'), console: resolve(PROJECT_ROOT, 'console/index.html') },
          },
        },
      };
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    consoleEntry(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'service-worker',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,webmanifest,png,svg}'],
        globIgnores: ['**/node_modules/**/*', ...CONSOLE_FILES],
      },
    }),
  ],
  css: {
    preprocessorOptions: {
      scss: { loadPaths: ['node_modules'], quietDeps: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
