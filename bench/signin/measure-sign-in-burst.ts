import autocannon from 'autocannon';
import { v7 as uuidv7 } from 'uuid';
import { signRequest } from '../../src/shared/device-signature.ts';
import { API_PATHS } from '../../src/shared/protocol.ts';
import { DEFAULT_SERVER_LIMITS } from '../../src/server/server-limits.ts';
import { startServer, type RunningServer } from '../../tests/support/server-process.ts';
import { budgets } from '../budgets.ts';
import { counts } from '../lib/counts.ts';
import type { Figure } from '../lib/figure.ts';
import { print } from '../lib/print.ts';
import { summarise } from '../lib/stats.ts';
import { fetchIntakeKey, referralSubmission } from '../support/referral-submission.ts';
import { enrolBenchDevice, type BenchDevice } from './enrolled-device.ts';

/** As the attack that found the stall: fifty wrong sign-ins at once, from one address. */
const BURST = 50;
/** "No bound": more than the burst, as before PASSWORD_HASH_CONCURRENCY existed. */
const UNBOUNDED = 64;

interface IntakeRun {
  p99: number;
  /** Intake answers other than 201 during the run. */
  failed: number;
  /** Sign-ins answered 503 (refused by the bound) and 401 (hashed and found wrong). */
  busy: number;
  hashed: number;
}

/** Signed referral requests, sealed and signed just before the run (signatures hold for 5 minutes). */
async function signedRequests(server: RunningServer, device: BenchDevice, n: number) {
  const key = await fetchIntakeKey(server.baseUrl);
  return Promise.all(
    Array.from({ length: n }, async () => {
      const body = JSON.stringify(await referralSubmission(key, uuidv7()));
      const headers = await signRequest(device.privateKey, { deviceId: device.id, method: 'POST', target: API_PATHS.referrals, body }, new Date());
      return { body, headers: { 'content-type': 'application/json', ...headers } };
    }),
  );
}

/**
 * Intake at 10 connections, and meanwhile (unless `address` is null) fifty wrong sign-ins at once from
 * `address` (believed through TRUST_PROXY=1, so each run has its own sign-in allowance).
 */
async function intakeRun(server: RunningServer, device: BenchDevice, address: string | null): Promise<IntakeRun> {
  const requests = await signedRequests(server, device, counts.signInBurstReferrals);
  const signIns = Array.from({ length: address === null ? 0 : BURST }, (_, i) =>
    fetch(`${server.baseUrl}${API_PATHS.session}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address ?? '' },
      body: JSON.stringify({ email: `guess-${i}@example.org`, password: 'a wrong guess at a password' }),
    }).then(
      (response) => response.status,
      // Unbounded, a sign-in can wait so long that its connection is cut (CONNECTION_TIMEOUT_MS): no answer.
      () => 0,
    ),
  );
  let next = 0;
  const intake = await autocannon({
    url: `${server.baseUrl}${API_PATHS.referrals}`,
    connections: 10,
    amount: requests.length,
    method: 'POST',
    requests: [{ setupRequest: (request) => ({ ...request, ...requests[next++ % requests.length] }) }],
  });
  const statuses = await Promise.all(signIns);
  return {
    p99: intake.latency.p99,
    failed: intake.requests.total - (intake.statusCodeStats?.['201']?.count ?? 0) + intake.errors,
    busy: statuses.filter((status) => status === 503).length,
    hashed: statuses.filter((status) => status === 401).length,
  };
}

/** Runs taken in turn on one server: intake alone, then intake during a burst. */
async function measureWith(staticDir: string, concurrency: number): Promise<{ quiet: IntakeRun[]; burst: IntakeRun[] }> {
  // One device sends every referral: its hourly quota must not be what is measured.
  const server = await startServer({ STATIC_DIR: staticDir, TRUST_PROXY: '1', PASSWORD_HASH_CONCURRENCY: String(concurrency), DEVICE_REFERRALS_PER_HOUR: '1000000' });
  try {
    const device = await enrolBenchDevice(server);
    const quiet: IntakeRun[] = [];
    const burst: IntakeRun[] = [];
    for (let run = 0; run < counts.signInBurstRuns; run += 1) {
      quiet.push(await intakeRun(server, device, null));
      burst.push(await intakeRun(server, device, `198.51.100.${run + 1}`));
    }
    const failed = [...quiet, ...burst].reduce((sum, result) => sum + result.failed, 0);
    if (failed > 0) print(`  sign-in burst (PASSWORD_HASH_CONCURRENCY=${concurrency}): ${failed} referrals not answered 201`);
    return { quiet, burst };
  } finally {
    await server.stop();
  }
}

/**
 * Intake while fifty wrong sign-ins arrive at once (issue 14: they stalled referrals for 10 s, scrypt
 * filling Node's thread pool that HPKE needs). The real server on SQLite, the real scrypt cost, signed
 * referrals from an enrolled device at 10 connections, with hashing bounded (the default) and, to see
 * what the bound changes, unbounded; each against the same intake with no sign-ins.
 */
export async function measureSignInBurst(staticDir: string): Promise<Figure[]> {
  const bounded = await measureWith(staticDir, DEFAULT_SERVER_LIMITS.passwordHashConcurrency);
  const unbounded = await measureWith(staticDir, UNBOUNDED);
  const last = bounded.burst.at(-1);
  const note =
    `${counts.signInBurstRuns} runs each: ${BURST} wrong sign-ins at once (one address) while ${counts.signInBurstReferrals} signed referrals go in at 10 connections, ` +
    `taken in turn with the same load and no sign-ins (the baseline); real scrypt cost; PASSWORD_HASH_QUEUE=${DEFAULT_SERVER_LIMITS.passwordHashQueue} ` +
    `(last bounded run: ${last?.hashed ?? 0} hashed, ${last?.busy ?? 0} answered 503)`;
  const p99 = (runs: IntakeRun[]) => summarise(runs.map((run) => run.p99));
  return [
    {
      name: 'signin-burst.bounded.p99',
      label: `Ingest on SQLite during 50 wrong sign-ins, PASSWORD_HASH_CONCURRENCY=${DEFAULT_SERVER_LIMITS.passwordHashConcurrency} (default): p99`,
      unit: 'ms',
      ...p99(bounded.burst),
      budget: budgets.ingestP99,
      baseline: p99(bounded.quiet).value,
      baselineLabel: '(no sign-ins)',
      note,
    },
    {
      name: 'signin-burst.unbounded.p99',
      label: `Ingest on SQLite during 50 wrong sign-ins, hashing unbounded (${UNBOUNDED}, as before): p99`,
      unit: 'ms',
      ...p99(unbounded.burst),
      budget: null,
      baseline: p99(unbounded.quiet).value,
      baselineLabel: '(no sign-ins)',
      note,
    },
  ];
}
