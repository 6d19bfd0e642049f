import { z } from 'zod/mini';
import { API_BASE, MAX_SUBMISSION_BYTES } from './protocol.ts';
import type { AdditionSubmission } from './addition-submission.ts';

export type { AdditionSubmission };

/**
 * An addition to a referral already delivered: the responder's answer to a request for more
 * information, or their request for reconsideration. It travels like a referral — sealed to the intake
 * key on the device, signed, through the outbox — and its id is its idempotency key.
 */
export const ADDITIONS_PATH = `${API_BASE}/referrals/:id/additions`;

/** Largest addition body the server reads: a referral's, since a reconsideration request may list as many files. */
export const MAX_ADDITION_BYTES = MAX_SUBMISSION_BYTES;

export const additionReceiptSchema = z.strictObject({
  id: z.string(),
  referralId: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type AdditionReceipt = z.infer<typeof additionReceiptSchema>;

/** Binds the sealed addition to its referral and its own id, so it cannot be replayed onto another. */
export function additionAad(referralId: string, additionId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`nrm-field addition v1 ${referralId} ${additionId}`);
}
