import { sealSubmission } from '../../src/app/outbox/seal.ts';
import { API_PATHS, currentSubmissionSchema, intakeKeyResponseSchema, type CurrentSubmission } from '../../src/shared/protocol.ts';
import { referralFromAnswers, type Referral } from '../../src/shared/referral.ts';
import { examples } from '../../tests/support/referral-examples.ts';
import { intakeCipherSuite, type IntakePublicKey } from '../../src/shared/sealing.ts';
import { toBase64Url } from '../../src/shared/base64url.ts';
import { narrative } from './narrative.ts';

/** A complete adult referral with one full-length narrative, as in the earlier runs of this bench. */
export const fullReferral = referralFromAnswers({ ...examples['adult-nrm'], howStarted: narrative(1) }) as Referral;

/**
 * The body a device sends for one referral, sealed to `key` by the app's own code (src/app/outbox/seal.ts).
 * The one place that knows the wire format: the seal binds the id, so every id needs its own seal.
 */
export async function referralSubmission(key: IntakePublicKey, id: string): Promise<CurrentSubmission> {
  const submission = await sealSubmission(key, fullReferral, id, new Date().toISOString());
  const parsed = currentSubmissionSchema.safeParse(submission);
  if (!parsed.success) throw new Error(`bench/support/referral-submission.ts makes bodies the protocol refuses: ${parsed.error.message}`);
  return submission;
}

/** The server's intake key, fetched as the app fetches it. */
export async function fetchIntakeKey(baseUrl: string): Promise<IntakePublicKey> {
  const response = await fetch(`${baseUrl}${API_PATHS.intakeKey}`);
  const parsed = intakeKeyResponseSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${baseUrl} answered its intake key with something unexpected: ${parsed.error.message}`);
  return { keyId: parsed.data.keyId, publicKey: parsed.data.publicKey };
}

/** A key nobody holds the private half of, for sealed bytes that are stored but never opened (pre-filled rows). */
export async function throwawayIntakeKey(): Promise<IntakePublicKey> {
  const suite = intakeCipherSuite();
  const pair = await suite.kem.generateKeyPair();
  return { keyId: 'bench-prefill', publicKey: toBase64Url(new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey))) };
}
