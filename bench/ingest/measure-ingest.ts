import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, SERVER_BUNDLE } from '../../scripts/build-server.ts';
import { freshTestSchema, type TestSchema } from '../../tests/support/postgres.ts';
import { startServer, type RunningServer } from '../../tests/support/server-process.ts';
import { budgets } from '../budgets.ts';
import { counts } from '../lib/counts.ts';
import type { Figure } from '../lib/figure.ts';
import { peakRssMb } from '../lib/node-process.ts';
import { percentile, summarise } from '../lib/stats.ts';
import { enrolBenchDevices, type BenchDevice } from '../signin/enrolled-device.ts';
import { fetchIntakeKey } from '../support/referral-submission.ts';
import { hpkeOpenTimes } from './hpke-open.ts';
import { postReferrals, signedRequests, unsignedRequests, type LoadRun } from './load.ts';
import { rawSqliteInserts, type InsertRun } from './raw-sqlite-inserts.ts';
import { assertServerAlive } from './server-alive.ts';

/** Phones that send in turn: many devices, as a deployment has, so no one device's quota window is what is read. */
const DEVICES = 50;

interface Target {
  /** In figure names: `sqlite`, `postgres`. */
  key: string;
  label: string;
  servers: RunningServer[];
  devices: BenchDevice[];
  levels: Map<number, LoadRun[]>;
  idleRss: number;
  peakRss: number;
}

const urls = (target: Target) => target.servers.map((server) => server.baseUrl);

/** Signed requests are required (as deployed); unsigned ones from this machine pass too, for the figure kept as information. */
function serverEnv(staticDir: string, keyDir: string): Record<string, string> {
  return {
    STATIC_DIR: staticDir,
    ALLOW_UNSIGNED_FROM_LOOPBACK: 'true',
    // The bench's phones each send a few hundred an hour: the quota must not be what is measured.
    DEVICE_REFERRALS_PER_HOUR: '100000',
    // One intake key and one matching key for every server of a target, as a deployment shares them.
    INTAKE_KEY_FILE: join(keyDir, 'intake-keys.json'),
    MATCHING_KEY_FILE: join(keyDir, 'matching-key.json'),
  };
}

async function startTarget(key: string, label: string, count: number, env: Record<string, string>, databaseEnv: Record<string, string> = {}): Promise<Target> {
  const servers: RunningServer[] = [];
  // One after another, so the first makes the schema and the keys the others then find.
  for (let i = 0; i < count; i += 1) servers.push(await startServer({ ...env, ...databaseEnv }, { entry: SERVER_BUNDLE }));
  const first = servers[0] as RunningServer;
  const devices = await enrolBenchDevices(first, DEVICES, databaseEnv);
  const idleRss = Math.max(...servers.map((server) => peakRssMb(server.process.pid ?? 0)));
  return { key, label, servers, devices, levels: new Map(counts.ingestConcurrency.map((c) => [c, []])), idleRss, peakRss: idleRss };
}

function figuresOf(target: Target, raw: { rate: number; p50: number; p99: number }, note: string): Figure[] {
  const baselineLabel = '(raw SQLite insert, one commit each)';
  const figures: Figure[] = [...target.levels].flatMap(([connections, runs]) => {
    const label = `Signed ingest on ${target.label}, ${connections} connection${connections > 1 ? 's' : ''}`;
    const name = `ingest.${target.key}.signed.c${connections}`;
    return [
      // One connection waits for each answer before it sends again: that measures latency, not capacity.
      { name: `${name}.rate`, label: `${label}: rate`, unit: 'req/s', ...summarise(runs.map((r) => r.rate)), budget: connections > 1 ? budgets.ingestRate : null, baseline: raw.rate, baselineLabel, note },
      { name: `${name}.p50`, label: `${label}: p50`, unit: 'ms', ...summarise(runs.map((r) => r.p50)), budget: null, baseline: raw.p50, baselineLabel, note },
      { name: `${name}.p99`, label: `${label}: p99`, unit: 'ms', ...summarise(runs.map((r) => r.p99)), budget: target.key === 'sqlite' ? budgets.ingestP99 : null, baseline: raw.p99, baselineLabel, note },
    ] satisfies Figure[];
  });
  figures.push({
    name: `ingest.${target.key}.server.peak-rss`,
    label: `Server peak memory (VmHWM) over the ingest runs, ${target.label}${target.servers.length > 1 ? ', the larger' : ''}`,
    unit: 'MB',
    value: target.peakRss,
    budget: budgets.ingestPeakRss,
    baseline: target.idleRss,
    baselineLabel: '(just started, devices enrolled)',
  });
  return figures;
}

/**
 * The real server, built as `npm run build` builds it (dist-server/main.mjs), as its own process, loaded with autocannon at rising concurrency
 * with requests signed by enrolled devices (as every deployment requires): on SQLite (one process) and
 * on PostgreSQL (two processes sharing the database, each taking half the connections). The baseline is
 * raw durable inserts of the same rows into SQLite, one commit each; unsigned requests at 10 connections
 * are measured too, as information. Runs go round the targets, levels and the baseline in turn, so a
 * burst of load from elsewhere on the machine hits them alike.
 */
export async function measureIngest(staticDir: string): Promise<Figure[]> {
  // As deployed: the built server, not the source through tsx (which holds ~45 MB more).
  await buildServer();
  const keyDir = mkdtempSync(join(tmpdir(), 'nrm-bench-ingest-keys-'));
  const env = serverEnv(staticDir, keyDir);
  const targets: Target[] = [];
  const unsigned: LoadRun[] = [];
  const raw: InsertRun[] = [];
  let schema: TestSchema | undefined;
  try {
    targets.push(await startTarget('sqlite', 'SQLite', 1, env));
    schema = await freshTestSchema();
    targets.push(await startTarget('postgres', 'PostgreSQL, 2 server processes', 2, env, { DATABASE_URL: schema.url, DATABASE_SCHEMA: schema.schema }));
    const first = targets[0]?.servers[0] as RunningServer;
    const key = await fetchIntakeKey(first.baseUrl);
    for (const target of targets) await postReferrals(urls(target), 10, await signedRequests(key, target.devices, counts.ingestRequests / 5));
    await rawSqliteInserts(counts.rawInserts / 10);
    for (let run = 0; run < counts.ingestRuns; run += 1) {
      for (const connections of counts.ingestConcurrency) {
        for (const target of targets) {
          const requests = await signedRequests(key, target.devices, counts.ingestRequests);
          target.levels.get(connections)?.push(await postReferrals(urls(target), connections, requests));
          for (const server of target.servers) assertServerAlive(server);
        }
      }
      unsigned.push(await postReferrals(first.baseUrl, 10, await unsignedRequests(key, counts.ingestRequests)));
      raw.push(await rawSqliteInserts(counts.rawInserts));
    }
    for (const target of targets) target.peakRss = Math.max(...target.servers.map((server) => peakRssMb(server.process.pid ?? 0)));
  } finally {
    for (const target of targets) for (const server of target.servers) await server.stop();
    await schema?.drop();
    rmSync(keyDir, { recursive: true, force: true });
  }
  const opens = await hpkeOpenTimes(counts.hpkeOpens);

  const baseline = {
    rate: summarise(raw.map((r) => r.rate)).value,
    p50: summarise(raw.map((r) => r.p50)).value,
    p99: summarise(raw.map((r) => r.p99)).value,
  };
  const note =
    `${counts.ingestRuns} runs of ${counts.ingestRequests.toLocaleString('en-GB')} referrals at each level, taken in turn; a fresh UUIDv7, seal and device signature per request ` +
    `(${DEVICES} enrolled devices in turn), each for a different made-up person (seeded); HPKE-sealed 15,000-character narratives; autocannon on the same 2 cores; ` +
    `baseline ${counts.rawInserts.toLocaleString('en-GB')} inserts a run`;
  return [
    ...targets.flatMap((target) => figuresOf(target, baseline, note)),
    {
      name: 'ingest.sqlite.unsigned.c10.rate',
      label: 'Unsigned ingest on SQLite (the try-out only), 10 connections: rate',
      unit: 'req/s',
      ...summarise(unsigned.map((r) => r.rate)),
      budget: null,
      baseline: baseline.rate,
      baselineLabel: '(raw SQLite insert, one commit each)',
      note,
    },
    {
      name: 'ingest.sqlite.unsigned.c10.p99',
      label: 'Unsigned ingest on SQLite (the try-out only), 10 connections: p99',
      unit: 'ms',
      ...summarise(unsigned.map((r) => r.p99)),
      budget: null,
      baseline: baseline.p99,
      baselineLabel: '(raw SQLite insert, one commit each)',
      note,
    },
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
  ];
}
