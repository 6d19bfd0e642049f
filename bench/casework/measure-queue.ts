import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { createServices, type Services } from '../../src/server/compose.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { connectPostgres } from '../../src/server/storage/postgres.ts';
import type { Database } from '../../src/server/storage/schema.ts';
import { connectSqlite } from '../../src/server/storage/sqlite.ts';
import type { StorageConnection } from '../../src/server/storage/storage-connection.ts';
import { openStorage, type Storage } from '../../src/server/storage/storage.ts';
import type { SignedInUser } from '../../src/shared/accounts.ts';
import { QUEUE_PAGE_SIZE, queueQuerySchema, type QueueQuery } from '../../src/shared/casework/protocol.ts';
import { stages } from '../../src/shared/casework/stages.ts';
import { freshTestSchema } from '../../tests/support/postgres.ts';
import { storedEnvelope } from '../ingest/referral-rows.ts';
import { budgets } from '../budgets.ts';
import { counts } from '../lib/counts.ts';
import { limitOf, type Figure } from '../lib/figure.ts';
import { print } from '../lib/print.ts';
import { median, percentile, summarise } from '../lib/stats.ts';
import { DECISION_UNIT } from './case-rows.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { fillCases, postgresTarget, sqliteTarget, type Filled, type RawTarget } from './fill-cases.ts';

interface Asked {
  kind: string;
  query: QueueQuery;
}

/** A database filled and open as the server opens it, with a way to put it all away. */
interface Filling {
  key: 'sqlite' | 'postgres';
  name: string;
  connection: StorageConnection;
  storage: Storage;
  filled: Filled;
  size: string;
  dispose(): Promise<void>;
}

/**
 * What a desk asks of the queue in a working session, as a caseworker: the default queue and its next
 * pages, each filter alone, two together, a reference read out over the phone, the oldest first.
 */
function deskMix({ unit, references }: Filled, round: number): Asked[] {
  const asked: Asked[] = [];
  const add = (kind: string, query: QueueQuery) => asked.push({ kind, query: queueQuerySchema.parse(query) });
  const pages = (kind: string, query: QueueQuery, last: number, first = 1) => {
    for (let page = first; page <= last; page += 1) add(kind, { ...query, page });
  };
  for (let i = 0; i < 20; i += 1) add('default (due first), page 1', {});
  pages('default, pages 2–20', {}, 20, 2);
  pages('sort by received, pages 1–20', { sort: 'received' }, 20);
  for (const stage of stages) add('one stage', { stage });
  pages('stage rg-pending, pages 1–20', { stage: 'rg-pending' }, 20);
  pages('overdue', { due: 'overdue' }, 5);
  pages('due today', { due: 'due-today' }, 3);
  pages('held by me', { held: 'me' }, 5);
  pages('held by nobody', { held: 'nobody' }, 5);
  pages('path', { path: 'child' }, 3);
  pages('path', { path: 'adult-nrm' }, 3);
  const organisations = unit.organisations.filter((organisation) => organisation.name !== DECISION_UNIT).map((organisation) => organisation.name);
  for (const name of organisations.slice(0, 20)) add('one organisation', { organisation: name });
  const [biggest = '', , third = ''] = organisations;
  const small = organisations[organisations.length - 1] ?? '';
  const pairs: QueueQuery[] = [
    { stage: 'rg-pending', due: 'overdue' },
    { stage: 'cg-pending', held: 'me' },
    { held: 'nobody', path: 'child' },
    { organisation: biggest, stage: 'rg-pending' },
    { path: 'adult-nrm', due: 'due-today' },
    { due: 'overdue', held: 'me' },
    { held: 'nobody', sort: 'received' },
    { path: 'child', stage: 'cg-pending' },
    { organisation: third, due: 'overdue' },
    { organisation: small, held: 'nobody' },
  ];
  for (const pair of pairs) pages('two filters', pair, 2);
  for (const filter of [{ stage: 'cg-pending' }, { organisation: biggest }, { held: 'me' }] satisfies QueueQuery[]) pages('a filter, sort by received', { ...filter, sort: 'received' }, 2);
  // Read out from a letter or over the phone, typed in lower case without the dashes (and half the time without "NRM").
  for (let i = 0; i < 48; i += 1) {
    const reference = references[(i * 37 + round * 11) % references.length] ?? '';
    const typed = reference.toLowerCase().replace(/-/g, '');
    add('reference', { reference: i % 2 === 0 ? typed : typed.replace(/^nrm/, '') });
  }
  add('reference', { reference: 'nrm3333xx' });
  add('reference', { reference: 'not a ref' });
  // Shuffled, so no kind always runs on caches the one before it warmed.
  const random = seededRandom(round + 1);
  for (let i = asked.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [asked[i], asked[j]] = [asked[j] as Asked, asked[i] as Asked];
  }
  return asked;
}

const COLUMNS = sql`referral_id, stage, held_by, organisation_id, age_group, path, received_at, due_on, due_kind`;

/** The floor: one page of `cases` alone, by the due-date index, with nothing joined, filtered or counted. */
async function bare(db: Kysely<Database>, offset: number): Promise<void> {
  await sql`select ${COLUMNS} from cases order by due_on limit ${QUEUE_PAGE_SIZE} offset ${offset}`.execute(db);
}

/** This process's peak resident memory so far (the fill streams its rows in batches, so this stays flat as the count grows). */
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function sqliteFilling(rows: number, now: Date, envelope: string): Promise<Filling> {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-bench-queue-'));
  const file = join(dir, 'nrm-field.sqlite');
  try {
    // The real migrations, run by the real openStorage; then raw inserts while nothing else has it open.
    await (await openStorage(connectSqlite(file))).close();
    const filled = await fill(sqliteTarget(file), rows, now, envelope);
    // Opened as the server opens it, whose `pragma optimize` gathers the planner's statistics (sqlite.ts).
    const opening = performance.now();
    const connection = connectSqlite(file);
    const storage = await openStorage(connection);
    const { rows: gathered } = await sql<{ n: number }>`select count(*) as n from sqlite_schema where name = 'sqlite_stat1'`.execute(connection.db);
    const { rows: stats } = gathered[0]?.n ? await sql<{ n: number }>`select count(*) as n from sqlite_stat1 where tbl = 'cases'`.execute(connection.db) : { rows: [] };
    print(`    SQLite: opened as the server opens it in ${((performance.now() - opening) / 1000).toFixed(1)} s, with statistics for ${stats[0]?.n ?? 0} of the cases table's indexes`);
    return {
      key: 'sqlite',
      name: 'SQLite',
      connection,
      storage,
      filled,
      size: `${(statSync(file).size / 1e6).toFixed(0)} MB file`,
      async dispose() {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function postgresFilling(rows: number, now: Date, envelope: string): Promise<Filling> {
  const schema = await freshTestSchema();
  const connect = () =>
    connectPostgres({
      url: schema.url,
      schema: schema.schema,
      // The server's default (DATABASE_POOL_MAX).
      poolMax: 10,
      onIdleClientError: (error) => {
        throw error;
      },
    });
  try {
    await (await openStorage(connect())).close();
    const filled = await fill(await postgresTarget(schema.url, schema.schema), rows, now, envelope);
    const connection = connect();
    const storage = await openStorage(connection);
    const [size] = await schema.query<{ size: string }>(
      `select pg_size_pretty(sum(pg_total_relation_size(c.oid))) as size from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r'`,
      [schema.schema],
    );
    return {
      key: 'postgres',
      name: 'PostgreSQL',
      connection,
      storage,
      filled,
      size: `${size?.size ?? '?'} with indexes and TOAST`,
      async dispose() {
        await storage.close();
        await schema.drop();
      },
    };
  } catch (error) {
    await schema.drop();
    throw error;
  }
}

async function fill(target: RawTarget, rows: number, now: Date, envelope: string): Promise<Filled> {
  try {
    return await fillCases(target, rows, now, envelope);
  } finally {
    await target.close();
  }
}

interface Measured {
  p95s: number[];
  bareP95s: number[];
  all: number[];
  byKind: Map<string, number[]>;
  deep: number[];
  deepP95s: number[];
  bareDeepP95s: number[];
  asked: number;
}

async function measure(filling: Filling, services: Services, reader: SignedInUser, deepPage: number): Promise<Measured> {
  const { db } = filling.connection;
  const deepOffset = (deepPage - 1) * QUEUE_PAGE_SIZE;
  const ask = (query: QueueQuery) => services.casework.queue(reader, query);
  // Warm-up: the JIT, the statement caches, and the pages of the indexes a desk would have in memory.
  for (const { query } of deskMix(filling.filled, -1)) await ask(query);
  for (let i = 0; i < 3; i += 1) await ask({ page: deepPage });
  const result: Measured = { p95s: [], bareP95s: [], all: [], byKind: new Map(), deep: [], deepP95s: [], bareDeepP95s: [], asked: 0 };
  for (let round = 0; round < counts.queueRounds; round += 1) {
    const times: number[] = [];
    const bareTimes: number[] = [];
    const mix = deskMix(filling.filled, round);
    // Each query next to a bare one, so a burst of load from elsewhere on the machine falls on both alike.
    for (const { kind, query } of mix) {
      const time = await timed(() => ask(query));
      times.push(time);
      const ofKind = result.byKind.get(kind) ?? [];
      ofKind.push(time);
      result.byKind.set(kind, ofKind);
      bareTimes.push(await timed(() => bare(db, 0)));
    }
    const deep: number[] = [];
    const bareDeep: number[] = [];
    for (let i = 0; i < counts.queueDeepSamples; i += 1) {
      deep.push(await timed(() => ask({ page: deepPage })));
      bareDeep.push(await timed(() => bare(db, deepOffset)));
    }
    result.p95s.push(percentile(times, 95));
    result.bareP95s.push(percentile(bareTimes, 95));
    result.all.push(...times);
    result.deep.push(...deep);
    result.deepP95s.push(percentile(deep, 95));
    result.bareDeepP95s.push(percentile(bareDeep, 95));
    result.asked = mix.length;
    print(`    ${filling.name} round ${round + 1}: p95 ${percentile(times, 95).toFixed(1)} ms, median ${median(times).toFixed(1)} ms over ${mix.length} queries; page ${deepPage} p95 ${percentile(deep, 95).toFixed(1)} ms`);
  }
  const kinds = [...result.byKind].map(([kind, times]) => ({ kind, p95: percentile(times, 95), worst: Math.max(...times), n: times.length })).sort((a, b) => b.p95 - a.p95);
  for (const { kind, p95, worst, n } of kinds) print(`      ${kind.padEnd(32)} p95 ${p95.toFixed(1).padStart(7)} ms   max ${worst.toFixed(1).padStart(7)} ms   (n=${n})`);
  return result;
}

function figuresOf(filling: Filling, measured: Measured, rows: number, deepPage: number): Figure[] {
  const stored = `${rows / 1000}k`;
  const kinds = [...measured.byKind].map(([kind, times]) => ({ kind, p95: percentile(times, 95) })).sort((a, b) => b.p95 - a.p95);
  const slowest = kinds[0];
  const overKinds = kinds.filter(({ p95 }) => p95 > limitOf(budgets.queueP95));
  const kindsOver = overKinds.length === 0 ? '' : ` Over ${limitOf(budgets.queueP95)} ms on their own: ${overKinds.map(({ kind, p95 }) => `${kind} (p95 ${p95.toFixed(0)} ms)`).join(', ')}.`;
  const deepP95 = summarise(measured.deepP95s).value;
  const over = deepP95 > limitOf(budgets.queueP95) ? `: over the ${limitOf(budgets.queueP95)} ms a page may take` : '';
  return [
    {
      name: `queue.${filling.key}.p95`,
      label: `Casework queue, ${stored} cases, one page filtered and sorted, ${filling.name}: p95`,
      unit: 'ms',
      ...summarise(measured.p95s),
      budget: budgets.queueP95,
      baseline: summarise(measured.bareP95s).value,
      baselineLabel: '(`select … from cases order by due_on limit 25`)',
      note:
        `${counts.queueRounds} round(s) of ${measured.asked} queries through the casework service as a caseworker (default queue and pages 2–20, ` +
        `each filter alone, two together, references typed in lower case, sort by received with and without a filter), after a warm-up; p95 per round. ` +
        `Median of all ${measured.all.length} queries ${median(measured.all).toFixed(1)} ms; slowest kind: ${slowest?.kind} (p95 ${slowest?.p95.toFixed(1)} ms).${kindsOver} ` +
        `Database: ${filling.size}`,
    },
    {
      name: `queue.${filling.key}.page-${deepPage}.p95`,
      label: `Casework queue, ${stored} cases, page ${deepPage.toLocaleString('en-GB')} of the default queue, ${filling.name}: p95`,
      unit: 'ms',
      ...summarise(measured.deepP95s),
      budget: null,
      baseline: summarise(measured.bareDeepP95s).value,
      baselineLabel: `(the bare select at offset ${((deepPage - 1) * QUEUE_PAGE_SIZE).toLocaleString('en-GB')})`,
      note: `${counts.queueDeepSamples} requests a round; median ${median(measured.deep).toFixed(1)} ms${over}`,
    },
  ];
}

/**
 * The casework queue (docs/performance.md, "Budgets": 100,000 cases, one page filtered and sorted, p95 ≤ 200 ms) on SQLite
 * and PostgreSQL: each filled by raw SQL with a unit's worth of realistic cases, then asked through the
 * real casework service as a caseworker at a desk would ask it.
 */
export async function measureQueue(): Promise<Figure[]> {
  const rows = counts.queueCases;
  // The middle of the queue: page 2,000 of 100,000 cases.
  const deepPage = Math.max(2, Math.floor(rows / 2 / QUEUE_PAGE_SIZE));
  const now = new Date();
  const keyDir = mkdtempSync(join(tmpdir(), 'nrm-bench-queue-keys-'));
  const figures: Figure[] = [];
  try {
    const keyring = await loadIntakeKeyring(join(keyDir, 'intake-keys.json'), now);
    const envelope = await storedEnvelope();
    for (const open of [sqliteFilling, postgresFilling]) {
      const start = performance.now();
      const filling = await open(rows, now, envelope);
      try {
        print(`  ${filling.name}: ${rows.toLocaleString('en-GB')} cases filled in ${((performance.now() - start) / 1000).toFixed(0)} s (${filling.size}); bench process peak ${peakMb()} MB`);
        const services = createServices(filling.storage, { keyring, now: () => new Date(), randomInt: (n) => randomInt(n) });
        const person = filling.filled.unit.decisionMakers[2];
        const organisation = filling.filled.unit.organisations[0];
        if (!person || !organisation) throw new Error('The unit has no caseworkers');
        const reader: SignedInUser = { id: person.id, email: person.email, role: 'caseworker', organisation: { id: organisation.id, name: organisation.name } };
        figures.push(...figuresOf(filling, await measure(filling, services, reader, deepPage), rows, deepPage));
      } finally {
        await filling.dispose();
      }
    }
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
  print(`  bench process peak ${peakMb()} MB`);
  return figures;
}
