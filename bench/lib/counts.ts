/**
 * How much each benchmark repeats. `BENCH_QUICK=1` shrinks everything for trying the bench out
 * while others share the machine; the figures in docs/performance.md should come from the full counts.
 */
export const quick = process.env.BENCH_QUICK === '1';

export const counts = {
  lighthouseRuns: quick ? 1 : 3,
  offlineStartRuns: quick ? 3 : 7,
  stepSaves: quick ? 50 : 200,
  stepSaveRounds: quick ? 1 : 3,
  deliveryReferrals: 200,
  deliveryRuns: quick ? 1 : 3,
  /** Referrals a load run sends: each is sealed beforehand, because the seal binds its id. */
  ingestRequests: quick ? 300 : 1_500,
  ingestRuns: quick ? 1 : 3,
  hpkeOpens: quick ? 50 : 300,
  ingestConcurrency: [1, 10, 50],
  rawInserts: quick ? 300 : 2_000,
  rawRuns: quick ? 1 : 3,
  scalingRows: quick ? [10_000] : [10_000, 100_000],
  scalingConcurrency: 10,
  /** Cases in the casework queue's database (docs/performance.md, "Budgets": 100,000). */
  queueCases: quick ? 10_000 : 100_000,
  /** Statistical records a year for the figures bench: a record year (about 23,400 NRM referrals and 7,100 Duty to Notify reports were made in 2025). */
  figuresPerYear: quick ? 5_000 : 25_000,
  /** Timed builds of every table, per period and database. */
  figuresSamples: quick ? 5 : 20,
  /** Rounds of the desk's mix of queue queries (about 220 each), after one round of warm-up. */
  queueRounds: quick ? 1 : 3,
  /** Signed referrals sent during each burst of wrong sign-ins, and how many bursts. */
  signInBurstReferrals: quick ? 200 : 500,
  signInBurstRuns: quick ? 1 : 3,
  /** Requests for a page in the middle of the queue, each round. */
  queueDeepSamples: quick ? 10 : 20,
} as const;
