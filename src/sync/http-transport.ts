import { API_PATHS, MAX_STATUS_IDS, problemSchema, receiptSchema, statusesResponseSchema, type Problem, type ReferralStatus, type Submission } from '../shared/protocol.ts';
import { CHUNK_HASH_HEADER, evidencePaths, heldChunksSchema } from '../shared/evidence-protocol.ts';
import type { Clock, NotDelivered, RequestSigner, SendOutcome, TransportPort } from './ports.ts';

export interface HttpTransportOptions {
  fetch: typeof fetch;
  clock: Clock;
  /** Signs each request once the device is enrolled (DESIGN.md §6). */
  sign?: RequestSigner;
  /** Origin of the sync server; empty for the same origin as the app. */
  baseUrl?: string;
  timeoutMs?: number;
}

const PROBE_TIMEOUT_MS = 5_000;

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

/** How an answer other than success ends an attempt: refused, unauthorised, or to try again. */
async function classifyFailure(response: Response, nowMs: number): Promise<NotDelivered> {
  const { status } = response;
  if (status === 401) {
    const problem = await readProblem(response);
    if (problem.code === 'device-revoked') return { kind: 'unauthorised', revoked: true, reason: 'This device was removed from the service' };
    if (problem.code === 'device-clock-skew') {
      return { kind: 'unauthorised', revoked: false, reason: 'This device’s date and time are wrong. Correct them in the phone’s settings, then try again' };
    }
    return { kind: 'unauthorised', revoked: false, reason: 'This device needs you to sign in again (Settings) before it can send' };
  }
  if (status === 409 || status === 413 || status === 422 || status === 400) {
    const problem = await readProblem(response);
    // The server lacks a file's chunk (the device uploads files first, so this is rare): upload again.
    if (problem.code === 'files-incomplete') return { kind: 'retry', reason: 'Some files of this referral have not reached the server yet' };
    return { kind: 'refused', problem };
  }
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('Retry-After'), nowMs) : undefined;
  return { kind: 'retry', reason: `The server could not take it yet (HTTP ${status})`, retryAfterMs };
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
  return classifyFailure(response, nowMs);
}

export function createHttpTransport(options: HttpTransportOptions): TransportPort {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Called unbound: browsers refuse a fetch whose `this` is not the global object.
  const { fetch: plainFetch, clock, sign } = options;
  const base = options.baseUrl ?? '';
  // Every request goes out signed once the device is enrolled: the body signed is the body sent.
  const doFetch = async (target: string, init: RequestInit & { body?: string | Uint8Array<ArrayBuffer> } = {}) => {
    const headers = sign ? await sign({ method: init.method ?? 'GET', target, body: init.body }) : {};
    return plainFetch(`${base}${target}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...headers } });
  };
  return {
    async send(submission) {
      let response: Response;
      try {
        response = await doFetch(API_PATHS.referrals, {
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

    async heldChunks(referralId, fileId) {
      try {
        const response = await doFetch(evidencePaths.file(referralId, fileId), { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
        if (!response.ok) return classifyFailure(response, clock.now().getTime());
        const parsed = heldChunksSchema.safeParse(await response.json());
        return parsed.success ? { kind: 'held', held: parsed.data } : { kind: 'retry', reason: 'The server answered without a list of chunks' };
      } catch {
        return { kind: 'retry', reason: 'No connection to the server' };
      }
    },

    async putChunk({ referralId, fileId, index, sha256, body }) {
      try {
        const response = await doFetch(evidencePaths.chunk(referralId, fileId, index), {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: sha256 },
          body,
          signal: AbortSignal.timeout(timeoutMs),
          cache: 'no-store',
        });
        if (response.ok) {
          await response.arrayBuffer().catch(() => undefined);
          return { kind: 'stored' };
        }
        return classifyFailure(response, clock.now().getTime());
      } catch {
        return { kind: 'retry', reason: 'No connection to the server' };
      }
    },

    async reachable() {
      try {
        const response = await doFetch(API_PATHS.health, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), cache: 'no-store' });
        return response.ok;
      } catch {
        return false;
      }
    },

    async statuses(ids, since) {
      const found: ReferralStatus[] = [];
      for (let start = 0; start < ids.length; start += MAX_STATUS_IDS) {
        const query = new URLSearchParams({ since });
        for (const id of ids.slice(start, start + MAX_STATUS_IDS)) query.append('id', id);
        try {
          const response = await doFetch(`${API_PATHS.receipts}?${query}`, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
          const parsed = statusesResponseSchema.safeParse(response.ok ? await response.json() : undefined);
          if (!parsed.success) return undefined;
          found.push(...parsed.data.statuses);
        } catch {
          return undefined;
        }
      }
      return found;
    },
  };
}
