import { additionEvidenceAad, evidenceAad, evidenceManifestSchema } from '../../shared/evidence.ts';
import type { AdditionSubmission } from '../../shared/additions.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import type { FieldError, Submission } from '../../shared/protocol.ts';
import { openJson } from '../../shared/sealing.ts';
import type { IntakeKeyring } from '../crypto/intake-keys.ts';
import type { RequiredFile } from '../storage/referral-store.ts';

export type OpenedEvidence =
  /** The files the referral claims; none when it carries no manifest. */
  | { kind: 'opened'; files: RequiredFile[] }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'unreadable'; detail: string };

const invalid = (path: string, message: string): OpenedEvidence => ({ kind: 'invalid', errors: [{ path, message }] });

/**
 * Opens the sealed evidence manifest of a submission (src/shared/evidence.ts) and checks that it
 * lists exactly the files the referral's answers name. Only what the server needs to know whether it
 * holds every chunk leaves here; names and keys stay inside the stored envelope.
 */
export async function openEvidence(submission: Submission, keyring: IntakeKeyring, named: readonly string[]): Promise<OpenedEvidence> {
  const { envelope } = submission;
  if (!envelope.evidence) return named.length > 0 ? invalid('envelope.evidence', 'The referral names files but carries no manifest of them') : { kind: 'opened', files: [] };
  const key = keyring.privateKey(envelope.keyId);
  if (!key) return { kind: 'unreadable', detail: 'Its files were sealed to a key this server does not hold.' };
  let opened: unknown;
  try {
    opened = await openJson(key, { keyId: envelope.keyId, ...envelope.evidence }, evidenceAad(submission.id));
  } catch {
    return { kind: 'unreadable', detail: 'The list of its files could not be opened: it was damaged on the way. Open the referral and send it again.' };
  }
  const parsed = evidenceManifestSchema.safeParse(opened);
  if (!parsed.success) return { kind: 'invalid', errors: toFieldErrors(parsed.error).map((error) => ({ ...error, path: `envelope.evidence.${error.path}` })) };
  const listed = parsed.data.files.map((file) => file.fileId);
  if (listed.length !== named.length || listed.some((id) => !named.includes(id))) {
    return invalid('envelope.evidence', 'The files named in the referral and in the list of its files differ');
  }
  return { kind: 'opened', files: parsed.data.files.map((file) => ({ fileId: file.fileId, chunks: file.chunks })) };
}

/**
 * Opens the sealed manifest of the files an addition brings (bound to its referral and its own id).
 * An addition names its files nowhere else, so the manifest alone says what must be held.
 */
export async function openAdditionEvidence(referralId: string, submission: AdditionSubmission, keyring: IntakeKeyring): Promise<OpenedEvidence> {
  const { envelope } = submission;
  if (!envelope.evidence) return { kind: 'opened', files: [] };
  const key = keyring.privateKey(envelope.keyId);
  if (!key) return { kind: 'unreadable', detail: 'Its files were sealed to a key this server does not hold. Update the app, then write it again.' };
  let opened: unknown;
  try {
    opened = await openJson(key, { keyId: envelope.keyId, ...envelope.evidence }, additionEvidenceAad(referralId, submission.id));
  } catch {
    return { kind: 'unreadable', detail: 'The list of its files could not be opened: it was damaged on the way. Write it again.' };
  }
  const parsed = evidenceManifestSchema.safeParse(opened);
  if (!parsed.success) return { kind: 'invalid', errors: toFieldErrors(parsed.error).map((error) => ({ ...error, path: `envelope.evidence.${error.path}` })) };
  return { kind: 'opened', files: parsed.data.files.map((file) => ({ fileId: file.fileId, chunks: file.chunks })) };
}
