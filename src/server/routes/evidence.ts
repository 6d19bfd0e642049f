import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import { CHUNK_HASH_HEADER, MAX_CHUNKS, MAX_SEALED_CHUNK_BYTES, type HeldChunks } from '../../shared/evidence.ts';
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
    const held: HeldChunks = { fileId: params.data.fileId, chunks: await evidenceUploads.held(params.data.id, params.data.fileId, request.device?.id ?? null) };
    return reply.send(held);
  });

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
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== named) return sendProblem(reply, problem(422, 'chunk-hash-mismatch', 'The chunk does not match its SHA-256: it was changed on the way'));
    const { id, fileId, index } = params.data;
    const created = await evidenceUploads.put({ referralId: id, fileId, index, sha256, bytes: new Uint8Array(bytes), deviceId: request.device?.id ?? null });
    return reply.code(created ? 201 : 200).send({ fileId, index, sha256 });
  });
}
