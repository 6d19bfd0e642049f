import {
  enrolDeviceResponseSchema,
  sessionResponseSchema,
  type EnrolDeviceRequest,
  type EnrolDeviceResponse,
  type SessionResponse,
  type SetPasswordRequest,
  type SignInRequest,
} from '../shared/accounts.ts';
import { API_PATHS } from '../shared/protocol.ts';
import { answerOf, jsonBody, noAnswer, type ApiClient, type ApiResult } from './api-client.ts';

/**
 * Routes of a signed-in person (the session cookie: make the client with `credentials: 'same-origin'`).
 * Apart from the sync routes because accounts.ts brings the form's schema with it.
 */

export function signIn(api: ApiClient, request: SignInRequest): Promise<ApiResult<SessionResponse>> {
  return api.call({ method: 'POST', target: API_PATHS.session, ...jsonBody(request), read: answerOf(sessionResponseSchema) });
}

/** Who is signed in; a 401 once the session has ended. Counts as use of the session. */
export function session(api: ApiClient): Promise<ApiResult<SessionResponse>> {
  return api.call({ method: 'GET', target: API_PATHS.session, read: answerOf(sessionResponseSchema) });
}

/** Chooses a password with the one-time code an administrator gave out (a new account, or a reset). */
export function setPassword(api: ApiClient, request: SetPasswordRequest): Promise<ApiResult<void>> {
  return api.call({ method: 'POST', target: API_PATHS.password, ...jsonBody(request), read: noAnswer });
}

export function signOut(api: ApiClient): Promise<ApiResult<void>> {
  return api.call({ method: 'DELETE', target: API_PATHS.session, read: noAnswer });
}

/** Tells the server this device's public key (the person signed in must be a responder). */
export function enrolDevice(api: ApiClient, request: EnrolDeviceRequest): Promise<ApiResult<EnrolDeviceResponse>> {
  return api.call({ method: 'POST', target: API_PATHS.devices, ...jsonBody(request), read: answerOf(enrolDeviceResponseSchema) });
}
