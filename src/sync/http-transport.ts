import { MAX_STATUS_IDS, type Problem, type Receipt, type ReferralStatus } from '../shared/protocol.ts';
import { createApiClient, type ApiFailure, type ApiResult } from './api-client.ts';
import type { AdditionReceipt } from '../shared/additions.ts';
import { health, heldChunks, putChunk, receipts, submitReferral } from './api-sync.ts';
import type { SubmitAddition } from './api-additions.ts';
import type { Clock, NotDelivered, RequestSigner, SendOutcome, TransportPort } from './ports.ts';

export interface HttpTransportOptions {
  fetch: typeof fetch;
  clock: Clock;
  /** Signs each request once the device is enrolled (docs/protocol.md, "Signing sync requests"). */
  sign?: RequestSigner;
  /**
   * Sends an addition (api-additions.ts). Given by whoever builds the transport: the page loads it when
   * first needed, to keep it out of the first load; the service worker, which cannot load code later, has it built in.
   */
  submitAddition: SubmitAddition;
  /** Origin of the sync server; empty for the same origin as the app. */
  baseUrl?: string;
  timeoutMs?: number;
}

const PROBE_TIMEOUT_MS = 5_000;
const NO_CONNECTION: NotDelivered = { kind: 'retry', reason: 'No connection to the server' };
const NO_RECEIPT: NotDelivered = { kind: 'retry', reason: 'The server answered without a receipt for this referral' };

/** A refusal with no readable problem (a proxy's page, say) still needs one for the outbox to show. */
function fallbackProblem(status: number): Problem {
  return { type: 'about:blank', title: `The server refused this referral (HTTP ${status})`, status, code: status === 413 ? 'payload-too-large' : 'bad-request' };
}

/** How an answer other than success ends an attempt: refused, unauthorised, or to try again. */
function notDelivered(failure: ApiFailure): NotDelivered {
  if (failure.kind === 'unreachable') return NO_CONNECTION;
  const { status } = failure;
  if (failure.kind === 'problem' && status === 401) {
    const code = failure.problem?.code;
    if (code === 'device-revoked') return { kind: 'unauthorised', revoked: true, reason: 'This device was removed from the service' };
    if (code === 'device-needs-sign-in') return { kind: 'unauthorised', revoked: false, reason: 'Your account has been disabled or reset; sign in again on this device (Settings)' };
    if (code === 'device-clock-skew') {
      return { kind: 'unauthorised', revoked: false, reason: 'This device’s date and time are wrong. Correct them in the phone’s settings, then try again' };
    }
    return { kind: 'unauthorised', revoked: false, reason: 'This device needs you to sign in again (Settings) before it can send' };
  }
  if (failure.kind === 'problem' && (status === 409 || status === 413 || status === 422 || status === 400)) {
    const problem = failure.problem ?? fallbackProblem(status);
    // The server lacks a file's chunk (the device uploads files first, so this is rare): upload again.
    if (problem.code === 'files-incomplete') return { kind: 'retry', reason: 'Some files of this referral have not reached the server yet' };
    return { kind: 'refused', problem };
  }
  const retryAfterMs = failure.kind === 'problem' && (status === 429 || status === 503) ? failure.retryAfterMs : undefined;
  // Over this device's quota: kept and retried like any 429, but the person is told why, and whom to ask.
  if (failure.kind === 'problem' && status === 429 && failure.problem?.code === 'device-quota-exceeded') {
    return { kind: 'retry', reason: failure.problem.title, retryAfterMs };
  }
  return { kind: 'retry', reason: `The server could not take it yet (HTTP ${status})`, retryAfterMs };
}

/** Only a 200/201 whose receipt names this id counts as delivery. */
const DELIVERED = new Set([200, 201]);

function deliveryOf(result: ApiResult<Receipt | AdditionReceipt>, id: string): SendOutcome {
  if (result.ok && DELIVERED.has(result.status)) return result.value.id === id ? { kind: 'delivered', receipt: result.value } : NO_RECEIPT;
  if (!result.ok && result.failure.kind === 'unexpected' && DELIVERED.has(result.failure.status)) {
    return result.failure.readable ? NO_RECEIPT : { kind: 'retry', reason: 'The server answered without a readable receipt' };
  }
  // Any other success (a 202, say) is no delivery either: try again.
  return notDelivered(result.ok ? { kind: 'unexpected', status: result.status, readable: true } : result.failure);
}

export function createHttpTransport(options: HttpTransportOptions): TransportPort {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const api = createApiClient({ fetch: options.fetch, baseUrl: options.baseUrl, sign: options.sign, clock: options.clock });
  const timeout = () => AbortSignal.timeout(timeoutMs);
  return {
    async send(submission) {
      return deliveryOf(await submitReferral(api, submission, timeout()), submission.id);
    },

    async sendAddition(referralId, addition) {
      const result = await options.submitAddition(api, referralId, addition, timeout());
      // Not a referral this device sent (or no longer held): trying again will not change that.
      if (!result.ok && result.failure.kind === 'problem' && result.failure.status === 404 && result.failure.problem) return { kind: 'refused', problem: result.failure.problem };
      return deliveryOf(result, addition.id);
    },

    async heldChunks(referralId, fileId) {
      const result = await heldChunks(api, referralId, fileId, timeout());
      if (result.ok) return { kind: 'held', held: result.value };
      if (result.failure.kind === 'unexpected') return { kind: 'retry', reason: 'The server answered without a list of chunks' };
      return notDelivered(result.failure);
    },

    async putChunk(chunk) {
      const result = await putChunk(api, chunk, timeout());
      if (result.ok) return { kind: 'stored' };
      const { failure } = result;
      // To a part, "files incomplete" means the server lacks the bytes before it (docs/protocol.md, "Upload").
      if (chunk.part && failure.kind === 'problem' && failure.status === 409 && failure.problem?.code === 'files-incomplete') return { kind: 'out-of-order' };
      return notDelivered(failure);
    },

    async reachable() {
      return (await health(api, AbortSignal.timeout(PROBE_TIMEOUT_MS))).ok;
    },

    async statuses(ids, since) {
      const found: ReferralStatus[] = [];
      for (let start = 0; start < ids.length; start += MAX_STATUS_IDS) {
        const result = await receipts(api, { ids: ids.slice(start, start + MAX_STATUS_IDS), since }, timeout());
        if (!result.ok) return undefined;
        found.push(...result.value.statuses);
      }
      return found;
    },
  };
}
