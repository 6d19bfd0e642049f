// `npm run bench`: builds the app, measures every budget (bench/budgets.ts; docs/performance.md) next to
// its limit and a baseline taken in the same run, prints a table and writes bench/results.json, from which
// `npm run docs:performance` writes the figures into docs/performance.md. Budgets that fail are reported,
// not enforced: only the bundle guard (bench/bundle-guard.ts) fails CI.
// `npm run bench -- lighthouse ingest` runs only those; BENCH_QUICK=1 shrinks the counts. `queue` and `figures` need PostgreSQL
// (tests/support/postgres.ts: TEST_DATABASE_URL, or the machine's own on 127.0.0.1).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/support/server-process.ts';
import { buildWithAppConfig } from './bundle/build-with-app-config.ts';
import { bundleFigures, bundleSizes, helloSizes } from './bundle/measure-bundle.ts';
import { measureQueue } from './casework/measure-queue.ts';
import { measureDelivery } from './delivery/measure-delivery.ts';
import { measureEvidenceLink } from './evidence-link/measure-evidence-link.ts';
import { measureFigures } from './figures/measure-figures.ts';
import { measureIngest } from './ingest/measure-ingest.ts';
import { measureScaling } from './ingest/measure-scaling.ts';
import { counts, quick } from './lib/counts.ts';
import { passes, type Figure } from './lib/figure.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { print } from './lib/print.ts';
import { renderTable, writeResults } from './lib/report.ts';
import { measureLighthouse } from './lighthouse/measure-lighthouse.ts';
import { measureOfflineStart } from './offline-start/measure-offline-start.ts';
import { measureSignInBurst } from './signin/measure-sign-in-burst.ts';
import { measureQuality } from './quality/measure-quality.ts';
import { measureStepSave } from './step-save/measure-step-save.ts';
import { measureTaps } from './taps/measure-taps.ts';

const BENCHES = ['bundle', 'lighthouse', 'offline', 'save', 'quality', 'delivery', 'evidence', 'ingest', 'signin', 'scaling', 'queue', 'figures', 'taps'] as const;
type Bench = (typeof BENCHES)[number];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(BENCHES as readonly string[]).includes(name));
if (unknown.length > 0) throw new Error(`Unknown bench ${unknown.join(', ')}: choose from ${BENCHES.join(', ')}`);
const wanted = (bench: Bench) => asked.length === 0 || asked.includes(bench);

const figures: Figure[] = [];
const failures: string[] = [];
const started = performance.now();

/** One benchmark that breaks is reported and the others still run. */
async function step(title: string, measure: () => Promise<Figure[]>): Promise<void> {
  const start = performance.now();
  print(`▶ ${title}`);
  try {
    figures.push(...(await measure()));
  } catch (error) {
    failures.push(`${title}: ${(error as Error).stack ?? String(error)}`);
  }
  print(`  (${((performance.now() - start) / 1000).toFixed(0)} s)`);
}

function commit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' (uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

// The app is built into a folder of the bench's own, so nothing here touches dist/ (which other runs may be serving).
const appDir = mkdtempSync(join(tmpdir(), 'nrm-bench-app-'));
try {
  // Only the benches that serve or size the app need it built.
  const needsApp = (['bundle', 'lighthouse', 'offline', 'ingest', 'signin', 'scaling'] as const).some(wanted);
  if (needsApp) print('▶ building the app');
  const app = needsApp ? await buildWithAppConfig(appDir) : undefined;
  if (app && wanted('bundle')) await step('bundle sizes (and a bare Preact page)', async () => bundleFigures(bundleSizes(app), await helloSizes()));

  if (wanted('lighthouse') || wanted('offline')) {
    const server = await startServer({ STATIC_DIR: appDir });
    try {
      if (wanted('lighthouse')) {
        await step('Lighthouse', () => measureLighthouse(server.baseUrl));
      }
      if (wanted('offline')) await step('offline start', () => measureOfflineStart(server.baseUrl));
    } finally {
      await server.stop();
    }
  }
  if (wanted('save')) await step('step save', measureStepSave);
  if (wanted('quality')) await step('referral-quality check', measureQuality);
  if (wanted('delivery')) await step('delivery', measureDelivery);
  if (wanted('evidence')) await step('evidence over a dropping 3G link', measureEvidenceLink);
  if (wanted('ingest')) await step('ingest', () => measureIngest(appDir));
  if (wanted('signin')) await step('ingest during a burst of sign-ins', () => measureSignInBurst(appDir));
  if (wanted('scaling')) await step('scaling with stored referrals', () => measureScaling(appDir));
  if (wanted('queue')) await step('casework queue (SQLite and PostgreSQL)', measureQueue);
  if (wanted('figures')) await step('figures (SQLite and PostgreSQL)', measureFigures);
  if (wanted('taps')) await step('a responder’s journeys in taps (Chromium, 360 px)', async () => measureTaps());
} finally {
  rmSync(appDir, { recursive: true, force: true });
}

const context = {
  measuredAt: new Date().toISOString(),
  commit: commit(),
  machine: { cpus: cpus().length, node: process.version, loadAverage: loadavg().map((load) => Math.round(load * 100) / 100) },
  quick,
};
print();
print(`NRM Field bench — ${context.measuredAt}, commit ${context.commit}, ${context.machine.cpus} cores, Node ${context.machine.node}${quick ? ', QUICK counts' : ''}`);
print(renderTable(figures));
print();
const notes = new Map<string, string[]>();
for (const { name, note } of figures) if (note) notes.set(note, [...(notes.get(note) ?? []), name]);
for (const [note, names] of notes) print(`- ${names[0]}${names.length > 1 ? ` (+${names.length - 1})` : ''}: ${note}`);
const over = figures.filter((figure) => passes(figure) === false);
print();
print(over.length === 0 ? 'Every budget met.' : `Over budget: ${over.map((figure) => figure.name).join(', ')}`);
writeResults(join(PROJECT_ROOT, 'bench/results.json'), figures, context);
print(`Wrote bench/results.json (${figures.length} figures) in ${((performance.now() - started) / 1000 / 60).toFixed(1)} min; counts: ${JSON.stringify(counts)}`);
if (failures.length > 0) {
  for (const failure of failures) print(`Benchmark broke — ${failure}`);
  process.exitCode = 1;
}
