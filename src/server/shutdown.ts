import type { FastifyInstance } from 'fastify';
import { problem, sendProblem } from './problem.ts';

/**
 * Once the server is closing, a request that still arrives on an open connection is answered 503 with
 * Retry-After (a device then sends it again, to another instance or this one restarted) and the
 * connection is closed. Fastify's own 503 carries none of our headers, so it is switched off (app.ts).
 */
export function answerWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return undefined;
    reply.header('connection', 'close').header('retry-after', '5');
    return sendProblem(reply, problem(503, 'unavailable', 'This server is stopping', { detail: 'Nothing was done. Send it again in a moment.' }));
  });
}

/**
 * Stops taking connections and waits for the requests in flight — at most `deadlineMs`, after which
 * every connection still open is cut, so that a client sending one byte a minute cannot hold a
 * deployment's restart. Resolves once the server is closed; `onCut` hears how many were cut.
 */
export async function closeWithDeadline(app: FastifyInstance, deadlineMs: number, onCut: (connections: number) => void = () => undefined): Promise<void> {
  const cut = setTimeout(() => {
    app.server.getConnections((_error, count) => {
      onCut(count);
      app.server.closeAllConnections();
    });
  }, deadlineMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}
