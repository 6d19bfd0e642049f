import type { z } from 'zod/mini';
import { problemSchema, type Problem } from '../shared/protocol.ts';
import { parseRetryAfter } from '../shared/retry-after.ts';
import type { Clock, RequestSigner } from './ports.ts';

/**
 * The one HTTP client of the field app, its service worker and the console. It turns every answer
 * into a value or an ApiFailure and never throws, so each caller decides what a failure means to it.
 * The calls themselves are typed functions, one per route, in api-sync.ts, api-public.ts and
 * api-accounts.ts: kept apart so that the service worker's bundle carries only the sync routes.
 */

export type ApiFailure =
  /** No answer at all: no signal, a timeout, a refused connection. */
  | { kind: 'unreachable' }
  /** An answer other than success, with the server's problem details (RFC 9457) if it sent readable ones. */
  | { kind: 'problem'; status: number; problem: Problem | undefined; retryAfterMs: number | undefined }
  /** A success whose body is not what the route promises; `readable` says whether it was JSON at all. */
  | { kind: 'unexpected'; status: number; readable: boolean };

export type ApiResult<T> = { ok: true; status: number; headers: Headers; value: T } | { ok: false; failure: ApiFailure };

/** What a route makes of a successful answer (or of a 304, to a conditional request). */
export type AnswerReader<T> = (response: Response) => Promise<{ ok: true; value: T } | { ok: false; readable: boolean }>;

export interface ApiRequest<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query (see apiPath): what the device signs. */
  target: string;
  /** Sent and signed exactly as given. */
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** A conditional request (If-None-Match): a 304 goes to `read`, which says what it means. Elsewhere a 304 is a failure. */
  conditional?: boolean;
  read: AnswerReader<T>;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  fetch: typeof fetch;
  /** Origin of the server; empty for the same origin as the page. */
  baseUrl?: string;
  /** 'same-origin' sends the session cookie (console, device enrolment); left to fetch's default otherwise. */
  credentials?: RequestCredentials;
  /** Adds the device's signature headers (docs/protocol.md, "Signing sync requests"); the sync routes of an enrolled device. */
  sign?: RequestSigner;
  /** Reads a Retry-After given as a date; the system clock unless told. */
  clock?: Clock;
}

export interface ApiClient {
  call<T>(request: ApiRequest<T>): Promise<ApiResult<T>>;
}

const systemClock: Clock = { now: () => new Date() };

export function createApiClient(options: ApiClientOptions): ApiClient {
  // Called unbound: browsers refuse a fetch whose `this` is not the global object.
  const { fetch: plainFetch, baseUrl = '', credentials, sign, clock = systemClock } = options;

  async function problemOf(response: Response): Promise<ApiFailure> {
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = problemSchema.safeParse(body);
    return {
      kind: 'problem',
      status: response.status,
      problem: parsed.success ? parsed.data : undefined,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), clock.now().getTime()),
    };
  }

  return {
    async call({ method, target, body, headers = {}, conditional = false, read, signal }) {
      let response: Response;
      try {
        // The body signed is the body sent, byte for byte.
        const signature = sign ? await sign({ method, target, body }) : {};
        response = await plainFetch(`${baseUrl}${target}`, {
          method,
          headers: { accept: 'application/json', ...headers, ...signature },
          body,
          signal,
          // Answers are about now (a receipt, a session); the server never lets them be cached either.
          cache: 'no-store',
          ...(credentials ? { credentials } : {}),
        });
      } catch {
        return { ok: false, failure: { kind: 'unreachable' } };
      }
      if (!response.ok && !(conditional && response.status === 304)) return { ok: false, failure: await problemOf(response) };
      const answer = await read(response).catch(() => ({ ok: false as const, readable: false }));
      if (!answer.ok) return { ok: false, failure: { kind: 'unexpected', status: response.status, readable: answer.readable } };
      return { ok: true, status: response.status, headers: response.headers, value: answer.value };
    },
  };
}

/** A JSON body and its content type, for `call`. */
export function jsonBody(value: unknown): { body: string; headers: Record<string, string> } {
  return { body: JSON.stringify(value), headers: { 'content-type': 'application/json' } };
}

/** Reads a JSON answer that must match `schema`. */
export function answerOf<T>(schema: z.ZodMiniType<T>): AnswerReader<T> {
  return async (response) => {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, readable: false };
    }
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, readable: true };
  };
}

/** For answers whose body says nothing (204, a stored chunk): read to the end so the connection is free again. */
export const noAnswer: AnswerReader<void> = async (response) => {
  await response.arrayBuffer().catch(() => undefined);
  return { ok: true, value: undefined };
};
