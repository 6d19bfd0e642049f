import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/protocol.ts';
import { problem, sendProblem } from '../problem.ts';
import type { ReferenceLists } from '../services/reference-lists.ts';

/** RFC 9110 §13.1.2: If-None-Match compares weakly, and may list several tags or say `*`. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Versioned reference lists (public, never personal). Devices ask with If-None-Match and get 304 while
 * their copy is current; `no-cache` (not the API's usual `no-store`) lets browsers and proxies keep a
 * copy too, as long as they check it first.
 */
export function referenceRoutes(app: FastifyInstance, { referenceLists }: { referenceLists: ReferenceLists }): void {
  app.get<{ Params: { list: string } }>(API_PATHS.reference, async (request, reply) => {
    const served = referenceLists.served(request.params.list);
    if (!served) return sendProblem(reply, problem(404, 'not-found', 'There is no reference list of that name'));
    reply.header('cache-control', 'no-cache').header('etag', served.etag);
    if (noneMatch(request.headers['if-none-match'], served.etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(served.body);
  });
}
