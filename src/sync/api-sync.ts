import { apiPath } from '../shared/api-path.ts';
import { CHUNK_HASH_HEADER, PART_LENGTH, PART_OFFSET, WITH_PARTS, heldChunksSchema, type HeldChunks } from '../shared/evidence-protocol.ts';
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

/** What the server holds of a file, asking for unfinished chunks too: a server that takes parts lists them (an older one ignores the question). */
export function heldChunks(api: ApiClient, referralId: string, fileId: string, signal?: AbortSignal): Promise<ApiResult<HeldChunks>> {
  const search = new URLSearchParams({ [WITH_PARTS]: '1' });
  return api.call({ method: 'GET', target: apiPath(API_PATHS.evidenceFile, { id: referralId, fileId }, search), read: answerOf(heldChunksSchema), signal });
}

export function putChunk(api: ApiClient, { referralId, fileId, index, sha256, body, part }: ChunkUpload, signal?: AbortSignal): Promise<ApiResult<void>> {
  const search = part ? new URLSearchParams({ [PART_OFFSET]: String(part.offset), [PART_LENGTH]: String(part.length) }) : undefined;
  return api.call({
    method: 'PUT',
    target: apiPath(API_PATHS.evidenceChunk, { id: referralId, fileId, index }, search),
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
