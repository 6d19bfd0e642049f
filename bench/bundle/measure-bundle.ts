import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { budgets } from '../budgets.ts';
import type { Figure } from '../lib/figure.ts';
import { buildWithAppConfig, type Built } from './build-with-app-config.ts';
import { firstLoadFiles } from './first-load.ts';
import { precachedFiles } from './precache.ts';
import { totalSize, type Sizes } from './sizes.ts';

/** The bare Preact page every baseline is measured on (bench/hello). */
export const HELLO_ROOT = resolve(import.meta.dirname, '../hello');

export interface BundleSizes {
  js: Sizes;
  css: Sizes;
  precache: Sizes;
  files: { js: string[]; css: string[]; precache: string[] };
}

export function bundleSizes(built: Built, firstPageModules?: readonly string[]): BundleSizes {
  const files = { ...firstLoadFiles(built, firstPageModules), precache: precachedFiles(built.outDir) };
  return {
    js: totalSize(built.outDir, files.js),
    css: totalSize(built.outDir, files.css),
    precache: totalSize(built.outDir, files.precache),
    files,
  };
}

/** The bare Preact page, built with the app's vite.config.ts into a folder that is removed afterwards. */
export async function helloSizes(): Promise<BundleSizes> {
  const outDir = mkdtempSync(join(tmpdir(), 'nrm-bench-hello-'));
  try {
    return bundleSizes(await buildWithAppConfig(outDir, HELLO_ROOT), []);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const note = (files: readonly string[]) => files.join(', ');

/** Sizes are exact, so one build each (no runs, no spread). */
export function bundleFigures(app: BundleSizes, hello: BundleSizes): Figure[] {
  const baselineLabel = '(bare Preact page)';
  return [
    { name: 'bundle.first-load.js.gzip', label: 'First-load JS, gzip', value: app.js.gzip, unit: 'B', budget: budgets.firstLoadJsGzip, baseline: hello.js.gzip, baselineLabel, note: note(app.files.js) },
    { name: 'bundle.first-load.js.brotli', label: 'First-load JS, brotli', value: app.js.brotli, unit: 'B', budget: null, baseline: hello.js.brotli, baselineLabel },
    { name: 'bundle.first-load.css.gzip', label: 'First-load CSS, gzip', value: app.css.gzip, unit: 'B', budget: budgets.firstLoadCssGzip, baseline: hello.css.gzip, baselineLabel, note: note(app.files.css) },
    { name: 'bundle.first-load.css.brotli', label: 'First-load CSS, brotli', value: app.css.brotli, unit: 'B', budget: null, baseline: hello.css.brotli, baselineLabel },
    { name: 'bundle.precache.raw', label: 'Precached for offline use (as stored)', value: app.precache.raw, unit: 'B', budget: budgets.precache, baseline: hello.precache.raw, baselineLabel, note: note(app.files.precache) },
    { name: 'bundle.precache.gzip', label: 'Precached for offline use, gzip (as sent)', value: app.precache.gzip, unit: 'B', budget: null, baseline: hello.precache.gzip, baselineLabel },
  ];
}
