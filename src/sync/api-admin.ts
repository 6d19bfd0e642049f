import { apiPath } from '../shared/api-path.ts';
import { auditResponseSchema, type AuditQuery, type AuditResponse } from '../shared/admin/audit.ts';
import {
  ADMIN_PATHS,
  adminDeviceSchema,
  adminUserSchema,
  codeResponseSchema,
  findUserResponseSchema,
  userDetailSchema,
  usersResponseSchema,
  type AdminDevice,
  type AdminUser,
  type CodeResponse,
  type InviteRequest,
  type UserDetail,
  type UsersQuery,
  type UsersResponse,
} from '../shared/admin/protocol.ts';
import type { Role } from '../shared/accounts.ts';
import { answerOf, jsonBody, type ApiClient, type ApiResult } from './api-client.ts';

/**
 * The administrator's routes (session cookie: make the client with `credentials: 'same-origin'`).
 * Apart from the other routes so that nothing of administration reaches the field app's bundle.
 */

/** A query string of only the filters that are set, in a stable order. */
export function filterSearch(query: Record<string, string | number | undefined>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  search.sort();
  return search;
}

export function adminUsers(api: ApiClient, query: UsersQuery): Promise<ApiResult<UsersResponse>> {
  return api.call({ method: 'GET', target: apiPath(ADMIN_PATHS.users, {}, filterSearch(query)), read: answerOf(usersResponseSchema) });
}

export function adminUser(api: ApiClient, id: string): Promise<ApiResult<UserDetail>> {
  return api.call({ method: 'GET', target: apiPath(ADMIN_PATHS.user, { id }), read: answerOf(userDetailSchema) });
}

/** By a POST, so that the email address never travels in a URL. */
export function findUser(api: ApiClient, email: string): Promise<ApiResult<{ id: string }>> {
  return api.call({ method: 'POST', target: ADMIN_PATHS.findUser, ...jsonBody({ email }), read: answerOf(findUserResponseSchema) });
}

export function inviteUser(api: ApiClient, request: InviteRequest): Promise<ApiResult<CodeResponse>> {
  return api.call({ method: 'POST', target: ADMIN_PATHS.users, ...jsonBody(request), read: answerOf(codeResponseSchema) });
}

export function changeRole(api: ApiClient, id: string, role: Role): Promise<ApiResult<AdminUser>> {
  return api.call({ method: 'PUT', target: apiPath(ADMIN_PATHS.role, { id }), ...jsonBody({ role }), read: answerOf(adminUserSchema) });
}

export function setDisabled(api: ApiClient, id: string, disabled: boolean): Promise<ApiResult<AdminUser>> {
  return api.call({ method: 'POST', target: apiPath(disabled ? ADMIN_PATHS.disable : ADMIN_PATHS.enable, { id }), read: answerOf(adminUserSchema) });
}

export function resetPassword(api: ApiClient, id: string): Promise<ApiResult<CodeResponse>> {
  return api.call({ method: 'POST', target: apiPath(ADMIN_PATHS.resetPassword, { id }), read: answerOf(codeResponseSchema) });
}

export function revokeDevice(api: ApiClient, id: string): Promise<ApiResult<AdminDevice>> {
  return api.call({ method: 'POST', target: apiPath(ADMIN_PATHS.revokeDevice, { id }), read: answerOf(adminDeviceSchema) });
}

export function auditLog(api: ApiClient, query: AuditQuery): Promise<ApiResult<AuditResponse>> {
  return api.call({ method: 'GET', target: apiPath(ADMIN_PATHS.audit, {}, filterSearch(query)), read: answerOf(auditResponseSchema) });
}

/** Where the log's CSV is downloaded from, with the same filters (the browser sends the session cookie itself). */
export function auditCsvAddress(query: Omit<AuditQuery, 'page'>): string {
  return apiPath(ADMIN_PATHS.auditCsv, {}, filterSearch(query));
}
