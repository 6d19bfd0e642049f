import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod/mini';
import { CHUNK_HASH_HEADER, MAX_CHUNKS, MAX_SEALED_CHUNK_BYTES, PART_LENGTH, PART_OFFSET, WITH_PARTS, type HeldChunks } from '../../shared/evidence.ts';
import { canonicalUuid } from '../../shared/ids.ts';
import { API_PATHS, referralIdSchema } from '../../shared/protocol.ts';
import { problem, sendProblem } from '../problem.ts';
import type { EvidenceUploads } from '../services/evidence-uploads.ts';

// In lower case only, as the referral's own id and its manifest's file ids are.
const fileParams = z.strictObject({
  id: referralIdSchema,
  fileId: canonicalUuid('A file id is a UUID', 'A file id is written in lower case'),
});
const chunkParams = z.strictObject({
  ...fileParams.shape,
  index: z.coerce.number().check(z.int(), z.minimum(0), z.maximum(MAX_CHUNKS - 1)),
});
const SHA256_HEX = /^[0-9a-f]{64}$/;
const byteCount = (max: number) => z.coerce.number().check(z.int(), z.minimum(0), z.maximum(max));
// A chunk sent in parts names where the part starts and the whole chunk's length, in the signed target.
const partQuery = z.object({
  [PART_OFFSET]: z.optional(byteCount(MAX_SEALED_CHUNK_BYTES - 1)),
  [PART_LENGTH]: z.optional(byteCount(MAX_SEALED_CHUNK_BYTES)),
});
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Chunked, resumable upload of sealed evidence files (src/shared/evidence.ts). Registered inside the
 * device-signed scope, like the referral POST: the signature covers the chunk's bytes. The server
 * never opens a chunk; it checks its SHA-256 against the one the device names and stores it once.
 */
export function evidenceRoutes(scope: FastifyInstance, { evidenceUploads }: { evidenceUploads: EvidenceUploads }): void {
  // Chunks arrive as raw bytes; kept as received for the device signature, as JSON bodies are.
  scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_SEALED_CHUNK_BYTES }, (request, body, done) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    request.rawBody = bytes;
    done(null, bytes);
  });

  scope.get(API_PATHS.evidenceFile, async (request, reply) => {
    const params = fileParams.safeParse(request.params);
    if (!params.success) return sendProblem(reply, problem(404, 'not-found', 'There is nothing at this address'));
    // Only what this device sent: another device learns nothing of a referral that is not its own.
    const { id, fileId } = params.data;
    const deviceId = request.device?.id ?? null;
    const held: HeldChunks = { fileId, chunks: await evidenceUploads.held(id, fileId, deviceId) };
    // Only to a device that asks: one that does not send parts would not know the field.
    if ((request.query as Record<string, unknown> | undefined)?.[WITH_PARTS] === '1') held.partial = evidenceUploads.partial(id, fileId, deviceId);
    return reply.send(held);
  });

  /** One part of a chunk: kept until the last, which completes the chunk; 202 until then, with the bytes held. */
  async function putPart(request: FastifyRequest, reply: FastifyReply, part: { named: string; bytes: Buffer; offset: number; length: number }) {
    const params = chunkParams.parse(request.params);
    const { id, fileId, index } = params;
    const taken = await evidenceUploads.putPart(
      { referralId: id, fileId, index, sha256: part.named, length: part.length, offset: part.offset, bytes: new Uint8Array(part.bytes), deviceId: request.device?.id ?? null },
      sha256Of,
    );
    if (taken.kind === 'hash-mismatch') return sendProblem(reply, problem(422, 'chunk-hash-mismatch', 'The chunk does not match its SHA-256: it was changed on the way'));
    if (taken.kind === 'out-of-order') {
      // Answered as a chunk the server lacks: the device asks what is held (?parts=1) and sends from there.
      return sendProblem(reply, problem(409, 'files-incomplete', 'This part does not follow the bytes held of its chunk: ask what is held, then send from there'));
    }
    if (taken.kind === 'staged') return reply.code(202).send({ fileId, index, sha256: part.named, received: taken.received });
    return reply.code(taken.created ? 201 : 200).send({ fileId, index, sha256: part.named });
  }

  scope.put(API_PATHS.evidenceChunk, { bodyLimit: MAX_SEALED_CHUNK_BYTES }, async (request, reply) => {
    const params = chunkParams.safeParse(request.params);
    if (!params.success) return sendProblem(reply, problem(404, 'not-found', 'There is nothing at this address'));
    const named = request.headers[CHUNK_HASH_HEADER];
    if (typeof named !== 'string' || !SHA256_HEX.test(named)) {
      return sendProblem(reply, problem(400, 'bad-request', `Name the chunk's SHA-256 (hex) in the ${CHUNK_HASH_HEADER} header`));
    }
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
      return sendProblem(reply, problem(415, 'unsupported-media-type', 'Send the chunk as application/octet-stream'));
    }
    const bytes = request.body;
    const query = partQuery.safeParse(request.query ?? {});
    if (!query.success || (query.data[PART_OFFSET] === undefined) !== (query.data[PART_LENGTH] === undefined)) {
      return sendProblem(reply, problem(400, 'bad-request', `A part names both its ${PART_OFFSET} and the chunk's ${PART_LENGTH}, as whole numbers of bytes`));
    }
    const { [PART_OFFSET]: offset, [PART_LENGTH]: length } = query.data;
    if (offset !== undefined && length !== undefined) return putPart(request, reply, { named, bytes, offset, length });
    const sha256 = sha256Of(bytes);
    if (sha256 !== named) return sendProblem(reply, problem(422, 'chunk-hash-mismatch', 'The chunk does not match its SHA-256: it was changed on the way'));
    const { id, fileId, index } = params.data;
    const created = await evidenceUploads.put({ referralId: id, fileId, index, sha256, bytes: new Uint8Array(bytes), deviceId: request.device?.id ?? null });
    return reply.code(created ? 201 : 200).send({ fileId, index, sha256 });
  });
}
