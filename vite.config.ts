import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'service-worker',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,webmanifest,png,svg}'],
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
