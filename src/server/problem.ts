import type { FastifyReply } from 'fastify';
import type { FieldError, Problem, ProblemCode } from '../shared/protocol.ts';

export function problem(status: number, code: ProblemCode, title: string, extra?: { detail?: string; errors?: FieldError[] }): Problem {
  return { type: `urn:nrm-field:problem:${code}`, title, status, code, ...extra };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}
