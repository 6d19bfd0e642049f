import type { FastifyError, FastifyInstance } from 'fastify';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../shared/json-depth.ts';
import type { Problem } from '../shared/protocol.ts';
import { problem } from './problem.ts';

const TOO_DEEP = 'NRM_JSON_TOO_DEEP';

/**
 * Keeps a JSON body's bytes as received, for device signatures, and parses them as Fastify would
 * (refusing `__proto__` and `constructor` keys) — unless they nest deeper than any body of ours does,
 * which a scan of the bytes finds before the parser spends the event loop on them.
 */
export function keepRawJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    request.rawBody = bytes;
    if (nestsDeeperThan(bytes)) {
      const error: Partial<FastifyError> & Error = Object.assign(new Error('JSON nested too deep'), { code: TOO_DEEP, statusCode: 400 });
      done(error, undefined);
      return;
    }
    parseJson(request, bytes.toString('utf8'), done);
  });
}

/** The problem for a body the depth scan refused, or undefined for any other error. */
export function jsonBodyProblem(error: FastifyError): Problem | undefined {
  if (error.code !== TOO_DEEP) return undefined;
  return problem(400, 'bad-request', 'The request body nests arrays and objects more deeply than the server accepts', {
    detail: `At most ${MAX_JSON_DEPTH} levels. Nothing was stored.`,
  });
}
