import { apiPath } from '../shared/api-path.ts';
import { CHUNK_HASH_HEADER, heldChunksSchema, type HeldChunks } from '../shared/evidence-protocol.ts';
import { API_PATHS, receiptSchema, statusesResponseSchema, type Receipt, type StatusesResponse, type Submission } from '../shared/protocol.ts';
import { answerOf, jsonBody, noAnswer, type ApiClient, type ApiResult } from './api-client.ts';
import type { ChunkUpload } from './ports.ts';

/** The routes a device sends its outbox through (signed once it is enrolled). */

export function submitReferral(api: ApiClient, submission: Submission, signal?: AbortSignal): Promise<ApiResult<Receipt>> {
  return api.call({ method: 'POST', target: API_PATHS.referrals, ...jsonBody(submission), read: answerOf(receiptSchema), signal });
}

/** Status changes after `since` of the referrals named (at most MAX_STATUS_IDS of them). */
export function receipts(api: ApiClient, query: { ids: readonly string[]; since: string }, signal?: AbortSignal): Promise<ApiResult<StatusesResponse>> {
  const search = new URLSearchParams({ since: query.since });
  for (const id of query.ids) search.append('id', id);
  return api.call({ method: 'GET', target: apiPath(API_PATHS.receipts, {}, search), read: answerOf(statusesResponseSchema), signal });
}

export function heldChunks(api: ApiClient, referralId: string, fileId: string, signal?: AbortSignal): Promise<ApiResult<HeldChunks>> {
  return api.call({ method: 'GET', target: apiPath(API_PATHS.evidenceFile, { id: referralId, fileId }), read: answerOf(heldChunksSchema), signal });
}

export function putChunk(api: ApiClient, { referralId, fileId, index, sha256, body }: ChunkUpload, signal?: AbortSignal): Promise<ApiResult<void>> {
  return api.call({
    method: 'PUT',
    target: apiPath(API_PATHS.evidenceChunk, { id: referralId, fileId, index }),
    headers: { 'content-type': 'application/octet-stream', [CHUNK_HASH_HEADER]: sha256 },
    body,
    read: noAnswer,
    signal,
  });
}

/** Succeeds when the server can be reached and can store a referral. */
export function health(api: ApiClient, signal?: AbortSignal): Promise<ApiResult<void>> {
  return api.call({ method: 'GET', target: API_PATHS.health, read: noAnswer, signal });
}
