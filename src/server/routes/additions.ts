import type { FastifyInstance } from 'fastify';
import { additionSubmissionSchema } from '../../shared/addition-submission.ts';
import { ADDITIONS_PATH, MAX_ADDITION_BYTES } from '../../shared/additions.ts';
import { CANONICAL_UUID } from '../../shared/ids.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import { problem, sendProblem } from '../problem.ts';
import type { AdditionService } from '../services/additions.ts';

const NOT_FOUND = 'There is no referral from this device under this id';

/**
 * The responder adds to their own delivered referral (an answer, a reconsideration request). Always
 * signed, whatever the deployment allows for referrals: only the device that sent the referral may add to it.
 */
export function additionRoutes(app: FastifyInstance, { additions }: { additions: AdditionService }): void {
  app.post<{ Params: { id: string } }>(ADDITIONS_PATH, { bodyLimit: MAX_ADDITION_BYTES }, async (request, reply) => {
    const { device } = request;
    if (!device) return sendProblem(reply, problem(401, 'device-signature-required', 'This device must be enrolled and sign its requests'));
    if (!CANONICAL_UUID.test(request.params.id)) return sendProblem(reply, problem(404, 'not-found', NOT_FOUND));
    const parsed = additionSubmissionSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendProblem(reply, problem(422, 'invalid-referral', 'This addition to the referral is not complete', { errors: toFieldErrors(parsed.error) }));
    }
    const outcome = await additions.take(request.params.id, parsed.data, { id: device.id, userId: device.userId });
    switch (outcome.kind) {
      case 'created':
      case 'repeat':
        return reply.code(outcome.kind === 'created' ? 201 : 200).send(outcome.receipt);
      case 'not-found':
        return sendProblem(reply, problem(404, 'not-found', NOT_FOUND));
      case 'conflict':
        return sendProblem(reply, problem(409, 'id-conflict', 'A different addition was already received under this id', { detail: 'Write it again to send it as a new one.' }));
      case 'files-incomplete':
        return sendProblem(
          reply,
          problem(409, 'files-incomplete', 'Some files of this addition have not reached the server', {
            detail: 'Nothing was stored. The device uploads the missing parts of these files, then sends it again.',
            errors: outcome.files.map((file) => ({ path: `envelope.evidence.files.${file.fileId}`, message: `${file.missing.length} part(s) of this file are missing` })),
          }),
        );
      case 'unreadable':
        return sendProblem(reply, problem(422, 'unreadable-envelope', 'The server could not open this addition', { detail: outcome.detail }));
      case 'invalid':
        return sendProblem(reply, problem(422, 'invalid-referral', 'This addition to the referral is not complete', { errors: outcome.errors }));
      case 'refused':
        return sendProblem(reply, problem(409, 'action-refused', 'The decision unit cannot take this now', { detail: outcome.reason }));
    }
  });
}
