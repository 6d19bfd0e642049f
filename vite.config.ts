import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const PROJECT_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Built files of the casework console: the field app's service worker must never precache them. */
const CONSOLE_FILES = ['console/**', 'assets/console-*'];

/**
 * Icons the browser reads only when the app is installed (online, from the manifest and the home-screen
 * link): the app never shows them, so the phone need not keep a copy for offline use. The page's own
 * icon (192 px) stays precached, so an offline start asks the network for nothing.
 */
const INSTALL_ONLY_ICONS = ['icons/icon-512.png', 'icons/icon-maskable-512.png', 'icons/apple-touch-icon.png'];

const css: UserConfig['css'] = {
  preprocessorOptions: {
    scss: { loadPaths: ['node_modules'], quietDeps: true },
  },
};

const target = 'es2022';

/**
 * Dexie's package entry is its ES5 build behind a wrapper that keeps one copy per page; the app has one
 * copy anyway, and Dexie's own modern build (ES2018) is 12 KB smaller on the phone.
 */
const resolveConfig: UserConfig['resolve'] = {
  alias: [{ find: /^dexie$/, replacement: resolve(PROJECT_ROOT, 'node_modules/dexie/dist/modern/dexie.mjs') }],
};

/**
 * Two pages: the field app (`index.html`) and the casework console (`console/index.html`), each
 * built on its own, so the field bundle never carries the console, and never shares a chunk with it
 * either (a module both use would otherwise carry, in the field app's first load, what the console
 * alone needs of it: preact/compat for react-hook-form). The console is built after the field app,
 * into the same folder, every file of it under `console/` or named `assets/console-*`. Only for a
 * build of this project's root: the bench builds a bare page (`bench/hello`) with this same
 * configuration, and that page has no console.
 */
function consoleBuild(): Plugin {
  let active = false;
  let outDir = '';
  return {
    name: 'nrm-field:console-build',
    apply: 'build',
    config(config) {
      active = resolve(config.root ?? process.cwd()) === resolve(PROJECT_ROOT);
      if (!active) return undefined;
      return { build: { rolldownOptions: { input: { app: resolve(PROJECT_ROOT, 'index.html') } } } };
    },
    configResolved(resolved) {
      outDir = resolve(resolved.root, resolved.build.outDir);
    },
    async closeBundle() {
      if (!active) return;
      await build({
        configFile: false,
        root: PROJECT_ROOT,
        logLevel: 'warn',
        plugins: [preact()],
        // GOV.UK Frontend's service navigation (the console's) carries an old Internet Explorer hack,
        // `@media (min-width: 0\0)`, that Lightning CSS cannot parse: that rule is dropped, not fatal.
        css: { ...css, lightningcss: { errorRecovery: true } },
        build: {
          target,
          sourcemap: false,
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          rolldownOptions: {
            input: { console: resolve(PROJECT_ROOT, 'console/index.html') },
            output: {
              entryFileNames: 'assets/console-[hash].js',
              chunkFileNames: 'assets/console-[name]-[hash].js',
              assetFileNames: 'assets/console-[hash][extname]',
            },
          },
        },
      });
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    consoleBuild(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'service-worker',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,webmanifest,png,svg}'],
        globIgnores: ['**/node_modules/**/*', ...CONSOLE_FILES, ...INSTALL_ONLY_ICONS],
      },
    }),
  ],
  css,
  resolve: resolveConfig,
  build: {
    target,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Everything the first screen loads in one chunk beside the entry, not some thirty of 1–3 KB: over
        // HTTP/1.1 a phone fetches six at a time, so each extra wave of small files costs a round trip.
        codeSplitting: { groups: [{ name: 'first-load', tags: ['$initial'] }] },
      },
    },
  },
});
