import type { FastifyInstance } from 'fastify';
import { toFieldErrors } from '../../shared/issues.ts';
import { API_PATHS, MAX_SUBMISSION_BYTES, submissionSchema, type Submission } from '../../shared/protocol.ts';
import { problem, sendProblem } from '../problem.ts';
import type { IntakeOutcome } from '../services/intake.ts';

export interface ReferralRouteDeps {
  receive: (submission: Submission, deviceId: string | null) => Promise<IntakeOutcome>;
}

export function referralRoutes(app: FastifyInstance, { receive }: ReferralRouteDeps): void {
  app.post(API_PATHS.referrals, { bodyLimit: MAX_SUBMISSION_BYTES }, async (request, reply) => {
    const parsed = submissionSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendProblem(
        reply,
        problem(422, 'invalid-referral', 'The referral is not complete or has answers the service cannot accept', {
          errors: toFieldErrors(parsed.error),
        }),
      );
    }
    const outcome = await receive(parsed.data, request.device?.id ?? null);
    if (outcome.kind === 'invalid') {
      return sendProblem(
        reply,
        problem(422, 'invalid-referral', 'The referral is not complete or has answers the service cannot accept', { errors: outcome.errors }),
      );
    }
    if (outcome.kind === 'unreadable') {
      return sendProblem(reply, problem(422, 'unreadable-envelope', 'The server could not open this referral', { detail: outcome.detail }));
    }
    if (outcome.kind === 'files-incomplete') {
      return sendProblem(
        reply,
        problem(409, 'files-incomplete', 'Some files of this referral have not reached the server', {
          detail: 'Nothing was stored. The device uploads the missing parts of these files, then sends the referral again.',
          errors: outcome.files.map((file) => ({ path: `envelope.evidence.files.${file.fileId}`, message: `${file.missing.length} part(s) of this file are missing` })),
        }),
      );
    }
    if (outcome.kind === 'unsigned-previous-version') {
      return sendProblem(
        reply,
        problem(401, 'device-signature-required', 'A referral made with the previous version of the form is accepted only from an enrolled device', {
          detail: 'Sign in on this device (Settings, This device), then send it again.',
        }),
      );
    }
    if (outcome.kind === 'conflict') {
      return sendProblem(
        reply,
        problem(409, 'id-conflict', 'A different referral was already received under this id', {
          detail: 'Both copies are kept on the device. Check which one is right before sending again.',
        }),
      );
    }
    return reply.code(outcome.kind === 'created' ? 201 : 200).send(outcome.receipt);
  });
}
