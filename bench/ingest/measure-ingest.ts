import { startServer } from '../../tests/support/server-process.ts';
import { budgets } from '../budgets.ts';
import { counts } from '../lib/counts.ts';
import type { Figure } from '../lib/figure.ts';
import { peakRssMb } from '../lib/node-process.ts';
import { percentile, summarise } from '../lib/stats.ts';
import { fetchIntakeKey } from '../support/referral-submission.ts';
import { hpkeOpenTimes } from './hpke-open.ts';
import { postReferrals, sealedBodies, type LoadRun } from './load.ts';
import { rawSqliteInserts, type InsertRun } from './raw-sqlite-inserts.ts';
import { assertServerAlive } from './server-alive.ts';

/**
 * The real server (src/server/main.ts) as its own process on SQLite, loaded with autocannon at rising
 * concurrency; the baseline is raw durable inserts of the same rows, one commit each. Runs go round
 * the levels and the baseline in turn, so a burst of load from elsewhere on the machine hits them alike.
 */
export async function measureIngest(staticDir: string): Promise<Figure[]> {
  // Unsigned, as the try-out allows from this machine (the sign-in burst bench measures signed intake).
  const server = await startServer({ STATIC_DIR: staticDir, ALLOW_UNSIGNED_FROM_LOOPBACK: 'true' });
  const pid = server.process.pid ?? 0;
  const levels = new Map<number, LoadRun[]>(counts.ingestConcurrency.map((c) => [c, []]));
  const raw: InsertRun[] = [];
  let idleRss: number;
  let peakRss: number;
  try {
    idleRss = peakRssMb(pid);
    const key = await fetchIntakeKey(server.baseUrl);
    await postReferrals(server.baseUrl, 10, await sealedBodies(key, counts.ingestRequests / 5));
    await rawSqliteInserts(counts.rawInserts / 10);
    for (let run = 0; run < counts.ingestRuns; run += 1) {
      for (const [connections, runs] of levels) {
        const bodies = await sealedBodies(key, counts.ingestRequests);
        runs.push(await postReferrals(server.baseUrl, connections, bodies));
        assertServerAlive(server);
      }
      raw.push(await rawSqliteInserts(counts.rawInserts));
    }
    peakRss = peakRssMb(pid);
  } finally {
    await server.stop();
  }
  const opens = await hpkeOpenTimes(counts.hpkeOpens);

  const rawRate = summarise(raw.map((r) => r.rate)).value;
  const rawP50 = summarise(raw.map((r) => r.p50)).value;
  const rawP99 = summarise(raw.map((r) => r.p99)).value;
  const baselineLabel = '(raw SQLite insert, one commit each)';
  const note = `${counts.ingestRuns} runs of ${counts.ingestRequests.toLocaleString('en-GB')} referrals at each level, taken in turn; a fresh UUIDv7 and seal per request, each for a different made-up person (seeded); HPKE-sealed 15,000-character narratives; autocannon on the same 2 cores; baseline ${counts.rawInserts.toLocaleString('en-GB')} inserts a run`;
  const figures: Figure[] = [...levels].flatMap(([connections, runs]) => {
    const label = `Ingest on SQLite, ${connections} connection${connections > 1 ? 's' : ''}`;
    return [
      // One connection waits for each answer before it sends again: that measures latency, not capacity.
      { name: `ingest.c${connections}.rate`, label: `${label}: rate`, unit: 'req/s', ...summarise(runs.map((r) => r.rate)), budget: connections > 1 ? budgets.ingestRate : null, baseline: rawRate, baselineLabel, note },
      { name: `ingest.c${connections}.p50`, label: `${label}: p50`, unit: 'ms', ...summarise(runs.map((r) => r.p50)), budget: null, baseline: rawP50, baselineLabel, note },
      { name: `ingest.c${connections}.p99`, label: `${label}: p99`, unit: 'ms', ...summarise(runs.map((r) => r.p99)), budget: budgets.ingestP99, baseline: rawP99, baselineLabel, note },
    ] satisfies Figure[];
  });
  figures.push(
    { name: 'ingest.server.peak-rss', label: 'Server peak memory (VmHWM) over the ingest runs', unit: 'MB', value: peakRss, budget: null, baseline: idleRss, baselineLabel: '(just started)' },
    {
      name: 'ingest.hpke-open.p50',
      label: 'Open one sealed referral (HPKE) in Node, p50',
      unit: 'ms',
      value: percentile(opens, 50),
      spread: { min: Math.min(...opens), max: percentile(opens, 99), runs: opens.length },
      budget: null,
      baseline: null,
      note: `${counts.hpkeOpens} opens one after another in the bench process; the spread shown is min–p99`,
    },
  );
  return figures;
}
