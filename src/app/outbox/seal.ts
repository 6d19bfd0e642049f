import { SCHEMA_VERSION, type Referral } from '../../shared/referral.ts';
import { additionEvidenceAad, evidenceAad, type EvidenceManifest } from '../../shared/evidence.ts';
import type { CurrentSubmission } from '../../shared/protocol.ts';
import { additionAad, type AdditionSubmission } from '../../shared/additions.ts';
import type { ResponderAction } from '../../shared/casework/responder-actions.ts';
import { sealJson, sealingAad, type IntakePublicKey } from '../../shared/sealing.ts';

/**
 * Loaded only when a referral is sent, so the HPKE code is not part of the first screen's JavaScript.
 * The evidence manifest (file keys included) is sealed to the same key, bound to the same id.
 */
export async function sealSubmission(key: IntakePublicKey, referral: Referral, id: string, submittedAt: string, evidence?: EvidenceManifest): Promise<CurrentSubmission> {
  const sealed = await sealJson(key, referral, sealingAad(id, SCHEMA_VERSION));
  const files = evidence ? await sealJson(key, evidence, evidenceAad(id)) : undefined;
  return {
    id,
    schemaVersion: SCHEMA_VERSION,
    submittedAt,
    envelope: { format: 'hpke', ...sealed, ...(files ? { evidence: { enc: files.enc, ct: files.ct } } : {}) },
  };
}

/**
 * Seals an answer or a reconsideration request for the server, bound to its referral and its own id;
 * the manifest of the files it brings (keys included) likewise, to the same key.
 */
export async function sealAddition(
  key: IntakePublicKey,
  referralId: string,
  action: ResponderAction,
  id: string,
  submittedAt: string,
  evidence?: EvidenceManifest,
): Promise<AdditionSubmission> {
  const { keyId, enc, ct } = await sealJson(key, action, additionAad(referralId, id));
  const files = evidence ? await sealJson(key, evidence, additionEvidenceAad(referralId, id)) : undefined;
  return { id, submittedAt, envelope: { format: 'hpke', keyId, enc, ct, ...(files ? { evidence: { enc: files.enc, ct: files.ct } } : {}) } };
}
