import { SCHEMA_VERSION, type Referral } from '../shared/referral.ts';
import type { CurrentSubmission } from '../shared/protocol.ts';
import { sealJson, sealingAad, type IntakePublicKey } from '../shared/sealing.ts';

/** Loaded only when a referral is sent, so the HPKE code is not part of the first screen's JavaScript. */
export async function sealSubmission(key: IntakePublicKey, referral: Referral, id: string, submittedAt: string): Promise<CurrentSubmission> {
  const sealed = await sealJson(key, referral, sealingAad(id, SCHEMA_VERSION));
  return { id, schemaVersion: SCHEMA_VERSION, submittedAt, envelope: { format: 'hpke', ...sealed } };
}
