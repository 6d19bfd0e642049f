import type { FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../shared/accounts.ts';
import type { CurrentSession } from '../auth/sessions.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The session a `requireRole` guard let through; a route without that guard calling this is a bug. */
export function currentSession(request: FastifyRequest): CurrentSession {
  if (!request.session) throw new Error('No signed-in user on a route that requires one');
  return request.session;
}

export function signedInUser(request: FastifyRequest): SignedInUser {
  return currentSession(request).user;
}
