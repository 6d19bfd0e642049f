import autocannon from 'autocannon';
import { v7 as uuidv7 } from 'uuid';
import { signRequest } from '../../src/shared/device-signature.ts';
import { API_PATHS } from '../../src/shared/protocol.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';
import { print } from '../lib/print.ts';
import type { BenchDevice } from '../signin/enrolled-device.ts';
import { referralSubmission } from '../support/referral-submission.ts';

export interface LoadRun {
  /** Referrals answered 201 (stored durably, receipt sent) per second. */
  rate: number;
  p50: number;
  p99: number;
}

/** One request as it goes on the wire: the body, and for a signed one the device's four headers. */
export interface IngestRequest {
  body: string;
  headers: Record<string, string>;
}

/** Bodies for one run, each with a fresh UUIDv7 and its own seal, made before the clock starts. */
export function sealedBodies(key: IntakePublicKey, count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, async () => JSON.stringify(await referralSubmission(key, uuidv7()))));
}

/** Unsigned requests, as the try-out accepts from this machine. */
export async function unsignedRequests(key: IntakePublicKey, count: number): Promise<IngestRequest[]> {
  return (await sealedBodies(key, count)).map((body) => ({ body, headers: {} }));
}

/**
 * Requests as deployed devices send them: sealed, then signed by one of `devices` in turn (each with
 * its own nonce). Signed just before the run, since a signature holds for five minutes.
 */
export async function signedRequests(key: IntakePublicKey, devices: readonly BenchDevice[], count: number): Promise<IngestRequest[]> {
  const bodies = await sealedBodies(key, count);
  const now = new Date();
  return Promise.all(
    bodies.map(async (body, i) => {
      const device = devices[i % devices.length] as BenchDevice;
      return { body, headers: await signRequest(device.privateKey, { deviceId: device.id, method: 'POST', target: API_PATHS.referrals, body }, now) };
    }),
  );
}

async function postTo(baseUrl: string, connections: number, requests: readonly IngestRequest[]): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `${baseUrl}${API_PATHS.referrals}`,
    connections,
    amount: requests.length,
    method: 'POST',
    // Should autocannon ask for more than it was given, a repeat is refused (a used nonce) or answers 200, and is not counted.
    requests: [
      {
        setupRequest: (request) => {
          const { body, headers } = requests[next++ % requests.length] as IngestRequest;
          return { ...request, body, headers: { ...request.headers, 'content-type': 'application/json', ...headers } };
        },
      },
    ],
  });
}

/**
 * POSTs every request once, from `connections` connections at a time, spread over the servers at
 * `baseUrls` (each takes its share of the connections and of the requests, all at once).
 */
export async function postReferrals(baseUrls: string | readonly string[], connections: number, requests: readonly (IngestRequest | string)[]): Promise<LoadRun> {
  const urls = (typeof baseUrls === 'string' ? [baseUrls] : baseUrls).slice(0, connections);
  const all = requests.map((request) => (typeof request === 'string' ? { body: request, headers: {} } : request));
  const start = performance.now();
  const results = await Promise.all(
    urls.map((url, i) => {
      const share = all.filter((_, n) => n % urls.length === i);
      return postTo(url, Math.floor(connections / urls.length) + (i < connections % urls.length ? 1 : 0), share);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const created = results.reduce((sum, result) => sum + (result.statusCodeStats?.['201']?.count ?? 0), 0);
  const other = results.reduce((sum, result) => sum + result.requests.total, 0) - created;
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  if (other > 0 || errors > 0) {
    const codes = results.map((result) => JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count])))).join(' ');
    print(`  ingest c=${connections}: ${other} answers other than 201 (${codes}), ${errors} errors, ${results.reduce((sum, result) => sum + result.timeouts, 0)} timeouts`);
  }
  // Of several servers, the slowest p99 and p50 are what a device may meet.
  return { rate: created / seconds, p50: Math.max(...results.map((r) => r.latency.p50)), p99: Math.max(...results.map((r) => r.latency.p99)) };
}
