import type { FastifyReply } from 'fastify';
import type { FieldError, Problem, ProblemCode } from '../shared/protocol.ts';

/** `extra`: the detail, field errors, and any members of the route's own (RFC 9457 extension members). */
export function problem(status: number, code: ProblemCode, title: string, extra?: { detail?: string; errors?: FieldError[]; [member: string]: unknown }): Problem {
  return { type: `urn:nrm-field:problem:${code}`, title, status, code, ...extra };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}
