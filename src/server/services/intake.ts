import { makeReference } from '../../shared/reference-number.ts';
import { currentReferralOf, type Receipt, type Submission } from '../../shared/protocol.ts';
import { ReferenceTakenError, type ReferralStore, type StoredReferral } from '../storage/referral-store.ts';
import { canonicalJson, sha256Hex } from './digest.ts';

export type IntakeOutcome =
  | { kind: 'created'; receipt: Receipt }
  | { kind: 'repeat'; receipt: Receipt }
  | { kind: 'conflict' };

export interface IntakeDeps {
  referrals: ReferralStore;
  now: () => Date;
  randomInt: (n: number) => number;
}

const REFERENCE_ATTEMPTS = 8;

function receiptOf(row: StoredReferral): Receipt {
  return { id: row.id, reference: row.reference, receivedAt: row.receivedAt, digest: row.digest };
}

/** Receives a validated submission exactly once: the id is the idempotency key, the digest tells a repeat from a change. */
export function createIntake({ referrals, now, randomInt }: IntakeDeps) {
  return async function receive(submission: Submission): Promise<IntakeOutcome> {
    const envelope = canonicalJson(submission.envelope);
    const digest = sha256Hex(canonicalJson(submission));
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
      try {
        const { inserted, stored } = await referrals.insertIfAbsent({
          id: submission.id,
          reference: makeReference(randomInt),
          path: currentReferralOf(submission).path,
          schemaVersion: submission.schemaVersion,
          submittedAt: submission.submittedAt,
          receivedAt: now().toISOString(),
          digest,
          envelope,
        });
        if (inserted) return { kind: 'created', receipt: receiptOf(stored) };
        return stored.digest === digest ? { kind: 'repeat', receipt: receiptOf(stored) } : { kind: 'conflict' };
      } catch (error) {
        if (!(error instanceof ReferenceTakenError)) throw error;
      }
    }
    throw new Error('Could not draw a free receipt reference');
  };
}
