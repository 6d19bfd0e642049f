import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../shared/protocol.ts';
import { problem, sendProblem } from './problem.ts';
import { applySecurityHeaders, SECURITY_HEADERS } from './security.ts';

/**
 * Fastify answers a URL it cannot decode (`/%`) before any hook runs, and by default echoes the URL in
 * JSON without the security headers. This answers it as every other answer: the headers, problem+json,
 * and nothing of what was sent.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  applySecurityHeaders(reply.raw);
  reply.header('cache-control', 'no-store');
  const body =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? problem(414, 'bad-request', 'This address is longer than the server accepts', { detail: 'Check the address and try again.' })
      : problem(400, 'bad-request', 'This address is not valid', { detail: 'It holds a broken %-escape. Check the address and try again.' });
  void sendProblem(reply, body);
}

function clientProblem(code: string | undefined): Problem {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return problem(408, 'request-timeout', 'The request did not arrive in time', { detail: 'The connection was too slow or stalled. Send it again.' });
  }
  if (code === 'HPE_HEADER_OVERFLOW') return problem(431, 'bad-request', 'The request’s headers are larger than the server accepts');
  return problem(400, 'bad-request', 'The request could not be read', { detail: 'It is not well-formed HTTP.' });
}

/** A raw socket as Node's HTTP server holds it: the response in flight, if any (what Node itself checks). */
type ServerSocket = Socket & { _httpMessage?: { headersSent: boolean } | null };

/**
 * Node's `clientError`: a request it cannot parse, headers too large, or one that did not arrive within
 * the header or request timeout. Answered, where nothing has been sent on the connection yet, with the
 * security headers and problem+json, then the connection is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: ServerSocket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable || socket._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const answer = clientProblem(error.code);
  const body = JSON.stringify(answer);
  const headers = {
    ...SECURITY_HEADERS,
    'cache-control': 'no-store',
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  socket.end(`${head}\r\n\r\n${body}`, () => socket.destroy());
}
