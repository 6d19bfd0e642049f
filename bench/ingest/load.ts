import autocannon from 'autocannon';
import { v7 as uuidv7 } from 'uuid';
import { API_PATHS } from '../../src/shared/protocol.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';
import { print } from '../lib/print.ts';
import { referralSubmission } from '../support/referral-submission.ts';

export interface LoadRun {
  /** Referrals answered 201 (stored durably, receipt sent) per second. */
  rate: number;
  p50: number;
  p99: number;
}

/** Bodies for one run, each with a fresh UUIDv7 and its own seal, made before the clock starts. */
export function sealedBodies(key: IntakePublicKey, count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, async () => JSON.stringify(await referralSubmission(key, uuidv7()))));
}

/** POSTs every body once, from `connections` connections at a time. */
export async function postReferrals(baseUrl: string, connections: number, bodies: readonly string[]): Promise<LoadRun> {
  let next = 0;
  const result = await autocannon({
    url: `${baseUrl}${API_PATHS.referrals}`,
    connections,
    amount: bodies.length,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Should autocannon ask for more than it was given, a repeat answers 200 and is not counted.
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
  const created = result.statusCodeStats?.['201']?.count ?? 0;
  const other = result.requests.total - created;
  if (other > 0 || result.errors > 0) {
    print(`  ingest c=${connections}: ${other} answers other than 201, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { rate: created / result.duration, p50: result.latency.p50, p99: result.latency.p99 };
}
