import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from '../problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const CROSS_SITE = problem(403, 'cross-site-request', 'This request came from another site, so it was refused', {
  detail: 'Nothing was changed. Open the service at its own address and try again.',
});

function fromThisOrigin(request: FastifyRequest): boolean {
  // Every current browser says where a request came from; only same-origin pages may change anything.
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  // Older browsers send Origin on every cross-origin write; `request.host` follows TRUST_PROXY.
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/**
 * A state-changing request (anything but GET, HEAD and OPTIONS) that a browser sends from another site
 * is refused, whatever cookies it carries: protection from cross-site request forgery does not rest
 * on SameSite alone. Requests that carry neither header come from no current browser (a device's HTTP
 * client, curl), which holds no cookie another site could borrow; the sync routes are signed besides.
 */
export function refuseCrossSiteWrites(app: FastifyInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method) || fromThisOrigin(request)) return undefined;
    return sendProblem(reply, CROSS_SITE);
  });
}
