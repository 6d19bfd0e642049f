import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';

// A request's body read whole before Fastify's parser runs (a preParsing hook), and given back to it.

/** A request body as it arrives: Fastify's decompression (of Content-Encoding) says how many bytes came on the wire. */
type Payload = Readable & { receivedEncodedLength?: number };

/** Answered 413 by the app's error handler, as Fastify's own parser's error is. */
const bodyTooLarge = () => Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });

/** The whole body, or a 413 error as soon as it passes `limit` (the rest is left unread, as Fastify does). */
export function readBody(request: FastifyRequest, payload: Payload, limit: number): Promise<Buffer> {
  if (Number(request.headers['content-length']) > limit) return Promise.reject(bodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      payload.off('data', onData);
      payload.off('end', onEnd);
      payload.off('error', onError);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > limit) {
        stop();
        reject(bodyTooLarge());
      } else {
        chunks.push(bytes);
      }
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(Object.assign(error, { statusCode: 400 }));
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
  });
}

/** The bytes again as a stream, for the content-type parser, with what it checks the length against. */
export function replayBody(bytes: Buffer, payload: Payload): Payload {
  const stream: Payload = Readable.from(bytes.length > 0 ? [bytes] : [], { objectMode: false });
  if (payload.receivedEncodedLength !== undefined) stream.receivedEncodedLength = payload.receivedEncodedLength;
  return stream;
}
