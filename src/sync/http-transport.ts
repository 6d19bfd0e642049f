import { API_PATHS, problemSchema, receiptSchema, type Problem, type Submission } from '../shared/protocol.ts';
import type { Clock, SendOutcome, TransportPort } from './ports.ts';

export interface HttpTransportOptions {
  fetch: typeof fetch;
  clock: Clock;
  /** Origin of the sync server; empty for the same origin as the app. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: `The server refused this referral (HTTP ${response.status})`,
    status: response.status,
    code: response.status === 413 ? 'payload-too-large' : 'bad-request',
  };
  try {
    const parsed = problemSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** Classifies one answer of the server. Only a 200/201 whose receipt names this id counts as delivery. */
export async function classifyResponse(response: Response, submission: Submission, nowMs: number): Promise<SendOutcome> {
  const { status } = response;
  if (status === 200 || status === 201) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { kind: 'retry', reason: 'The server answered without a readable receipt' };
    }
    const receipt = receiptSchema.safeParse(body);
    if (receipt.success && receipt.data.id === submission.id) return { kind: 'delivered', receipt: receipt.data };
    return { kind: 'retry', reason: 'The server answered without a receipt for this referral' };
  }
  if (status === 409 || status === 413 || status === 422 || status === 400) {
    return { kind: 'refused', problem: await readProblem(response) };
  }
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('Retry-After'), nowMs) : undefined;
  return { kind: 'retry', reason: `The server could not take it yet (HTTP ${status})`, retryAfterMs };
}

export function createHttpTransport(options: HttpTransportOptions): TransportPort {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Called unbound: browsers refuse a fetch whose `this` is not the global object.
  const { fetch: doFetch, clock } = options;
  return {
    async send(submission) {
      let response: Response;
      try {
        response = await doFetch(`${options.baseUrl ?? ''}${API_PATHS.referrals}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(submission),
          signal: AbortSignal.timeout(timeoutMs),
          cache: 'no-store',
        });
      } catch {
        return { kind: 'retry', reason: 'No connection to the server' };
      }
      return classifyResponse(response, submission, clock.now().getTime());
    },
  };
}
