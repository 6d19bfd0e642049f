// CI's bundle guard (`npm run bench:bundle`): one build, no browser, fails when the JS or CSS needed to
// start a referral on first load outgrows its budget (bench/budgets.ts; docs/performance.md). The rest of `npm run bench` never fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { budgets, guardTolerance } from './budgets.ts';
import { buildWithAppConfig } from './bundle/build-with-app-config.ts';
import { bundleFigures, bundleSizes } from './bundle/measure-bundle.ts';
import { passes } from './lib/figure.ts';
import { print } from './lib/print.ts';
import { formatValue, renderTable } from './lib/report.ts';

const GUARDED = { 'bundle.first-load.js.gzip': 'firstLoadJsGzip', 'bundle.first-load.css.gzip': 'firstLoadCssGzip' } as const;

const outDir = mkdtempSync(join(tmpdir(), 'nrm-bench-guard-'));
try {
  const app = bundleSizes(await buildWithAppConfig(outDir));
  const none = { raw: 0, gzip: 0, brotli: 0 };
  // No baseline build here: the guard must take seconds.
  const figures = bundleFigures(app, { js: none, css: none, precache: none, files: { js: [], css: [], precache: [] } }).map((figure) => ({ ...figure, baseline: null }));
  print(renderTable(figures));
  print();
  print(`First-load files: ${[...app.files.js, ...app.files.css].join(', ')}`);
  let failed = false;
  for (const figure of figures) {
    const budget = GUARDED[figure.name as keyof typeof GUARDED];
    if (!budget || passes(figure) !== false) continue;
    const tolerated = guardTolerance[budget];
    const over = `${figure.label} is ${formatValue(figure.value, 'B')}, over its budget of ${formatValue(budgets[budget].max, 'B')}`;
    if (tolerated !== undefined && figure.value <= tolerated) {
      print(`Bundle guard: ${over}; tolerated up to ${tolerated.toLocaleString('en-GB')} B until it is trimmed (bench/budgets.ts, guardTolerance)`);
    } else {
      print(`Bundle guard: FAILED: ${over}${tolerated === undefined ? '' : ` and past the ${tolerated.toLocaleString('en-GB')} B tolerated`}`);
      failed = true;
    }
  }
  if (failed) process.exitCode = 1;
  else print('Bundle guard: passed');
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
