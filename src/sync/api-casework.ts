import type { z } from 'zod/mini';
import { apiPath } from '../shared/api-path.ts';
import type { CaseActionRequest, CaseNoteRequest } from '../shared/casework/actions.ts';
import { caseFilesResponseSchema, type CaseFilesResponse } from '../shared/casework/files.ts';
import {
  CASEWORK_PATHS,
  caseDetailSchema,
  caseworkersResponseSchema,
  dtnReportsResponseSchema,
  queueResponseSchema,
  type CaseDetail,
  type DtnReportsResponse,
  type QueueQuery,
  type QueueResponse,
} from '../shared/casework/protocol.ts';
import { API_PATHS } from '../shared/protocol.ts';
import { answerOf, jsonBody, noAnswer, type ApiClient, type ApiResult } from './api-client.ts';

/**
 * The desk's casework routes (session cookie: make the client with `credentials: 'same-origin'`).
 * Apart from the other routes so that nothing of casework reaches the field app's bundle.
 */

/** The query string of a queue request: only the filters that are set, in a stable order. */
export function queueSearch(query: QueueQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  search.sort();
  return search;
}

export function caseQueue(api: ApiClient, query: QueueQuery): Promise<ApiResult<QueueResponse>> {
  return api.call({ method: 'GET', target: apiPath(CASEWORK_PATHS.queue, {}, queueSearch(query)), read: answerOf(queueResponseSchema) });
}

/** One case as its reader may see it (the reading is audited on the server). */
export function caseDetail(api: ApiClient, id: string): Promise<ApiResult<CaseDetail>> {
  return api.call({ method: 'GET', target: apiPath(API_PATHS.case, { id }), read: answerOf(caseDetailSchema) });
}

export function caseFiles(api: ApiClient, id: string): Promise<ApiResult<CaseFilesResponse>> {
  return api.call({ method: 'GET', target: apiPath(API_PATHS.caseFiles, { id }), read: answerOf(caseFilesResponseSchema) });
}

/** Where one evidence file is read from (shown inline or downloaded by the browser itself, with the session cookie). */
export function caseFileAddress(id: string, fileId: string): string {
  return apiPath(API_PATHS.caseFile, { id, fileId });
}

/** Takes an action on the version of the case the actor saw: a 409 if it has changed since, a 422 if the rules refuse. */
export function caseAction(api: ApiClient, id: string, request: CaseActionRequest): Promise<ApiResult<void>> {
  return api.call({ method: 'POST', target: apiPath(CASEWORK_PATHS.actions, { id }), ...jsonBody(request), read: noAnswer });
}

export function addCaseNote(api: ApiClient, id: string, note: CaseNoteRequest): Promise<ApiResult<void>> {
  return api.call({ method: 'POST', target: apiPath(CASEWORK_PATHS.notes, { id }), ...jsonBody(note), read: noAnswer });
}

/** Says whether another referral is the same person; never merges them. */
export function decideSameness(api: ApiClient, id: string, otherId: string, verdict: 'same-person' | 'not-same'): Promise<ApiResult<void>> {
  return api.call({ method: 'PUT', target: apiPath(CASEWORK_PATHS.sameness, { id, otherId }), ...jsonBody({ verdict }), read: noAnswer });
}

export function caseworkers(api: ApiClient): Promise<ApiResult<z.infer<typeof caseworkersResponseSchema>>> {
  return api.call({ method: 'GET', target: CASEWORK_PATHS.caseworkers, read: answerOf(caseworkersResponseSchema) });
}

export function dtnReports(api: ApiClient, page: number): Promise<ApiResult<DtnReportsResponse>> {
  const query = page > 1 ? new URLSearchParams({ page: String(page) }) : undefined;
  return api.call({ method: 'GET', target: apiPath(CASEWORK_PATHS.dtnReports, {}, query), read: answerOf(dtnReportsResponseSchema) });
}
