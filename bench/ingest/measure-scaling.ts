import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { startServer, type RunningServer } from '../../tests/support/server-process.ts';
import { counts } from '../lib/counts.ts';
import type { Figure } from '../lib/figure.ts';
import { print } from '../lib/print.ts';
import { summarise } from '../lib/stats.ts';
import { postReferrals, sealedBodies, type LoadRun } from './load.ts';
import { prefillReferrals } from './prefill.ts';
import { assertServerAlive } from './server-alive.ts';

interface Sized {
  rows: number;
  dataDir: string;
  server?: RunningServer;
  runs: LoadRun[];
}

/**
 * Ingest rate and p99 with 10k and 100k referrals already stored, against an empty database. One
 * server per size, all up at once and loaded in turn with the same bodies (one intake key for all), so
 * noise from the machine falls on all of them alike.
 */
export async function measureScaling(staticDir: string): Promise<Figure[]> {
  const c = counts.scalingConcurrency;
  const keyDir = mkdtempSync(join(tmpdir(), 'nrm-bench-keys-'));
  const keyFile = join(keyDir, 'intake-keys.json');
  const key = (await loadIntakeKeyring(keyFile, new Date())).current;
  const sizes: Sized[] = [0, ...counts.scalingRows].map((rows) => ({ rows, dataDir: mkdtempSync(join(tmpdir(), 'nrm-bench-scale-')), runs: [] }));
  try {
    const warmUp = await sealedBodies(key, counts.ingestRequests / 5);
    for (const size of sizes) {
      const file = join(size.dataDir, 'nrm-field.sqlite');
      if (size.rows > 0) {
        const start = performance.now();
        await prefillReferrals(file, size.rows);
        print(`  pre-filled ${size.rows.toLocaleString('en-GB')} referrals (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      }
      size.server = await startServer({ STATIC_DIR: staticDir, DATA_DIR: size.dataDir, INTAKE_KEY_FILE: keyFile, ALLOW_UNSIGNED_FROM_LOOPBACK: 'true' });
      await postReferrals(size.server.baseUrl, c, warmUp);
    }
    for (let run = 0; run < counts.ingestRuns; run += 1) {
      const bodies = await sealedBodies(key, counts.ingestRequests);
      for (const { server, runs } of sizes) {
        if (!server) continue;
        runs.push(await postReferrals(server.baseUrl, c, bodies));
        assertServerAlive(server);
      }
    }
  } finally {
    for (const size of sizes) {
      await size.server?.stop();
      rmSync(size.dataDir, { recursive: true, force: true });
    }
    rmSync(keyDir, { recursive: true, force: true });
  }

  const [empty, ...filled] = sizes;
  const emptyRate = summarise(empty?.runs.map((r) => r.rate) ?? []).value;
  const emptyP99 = summarise(empty?.runs.map((r) => r.p99) ?? []).value;
  const baselineLabel = '(empty database, same rounds)';
  const note = `${counts.ingestRuns} rounds of ${counts.ingestRequests.toLocaleString('en-GB')} referrals; each database also grows by what the rounds add`;
  return filled.flatMap(({ rows, runs }) => {
    const stored = `${rows / 1000}k`;
    return [
      { name: `scaling.${stored}.c${c}.rate`, label: `Ingest with ${stored} stored, ${c} connections: rate`, unit: 'req/s', ...summarise(runs.map((r) => r.rate)), budget: null, baseline: emptyRate, baselineLabel, note },
      { name: `scaling.${stored}.c${c}.p99`, label: `Ingest with ${stored} stored, ${c} connections: p99`, unit: 'ms', ...summarise(runs.map((r) => r.p99)), budget: null, baseline: emptyP99, baselineLabel, note },
    ] satisfies Figure[];
  });
}
