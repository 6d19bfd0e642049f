import { isAnonymousReport } from '../../shared/anonymous-report.ts';
import { caseLabelIssue } from '../../shared/case-label.ts';
import { referralFromAnswers, referralSchema } from '../../shared/referral.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import { withLinks } from '../../shared/links.ts';
import type { CurrentSubmission, FieldError } from '../../shared/protocol.ts';
import { many } from '../../shared/form/model.ts';
import type { UploadFile } from '../../shared/evidence-protocol.ts';
import type { Draft } from '../../store/drafts.ts';
import { forgetEncounterTrail } from '../../store/encounter-people.ts';
import { evidenceForSending, purgeFilesExcept } from '../../store/evidence.ts';
import { queueSubmission } from '../../store/outbox.ts';
import { encounterLinks } from '../encounter/encounter-links.ts';
import { intakeKeyFor } from './intake-key.ts';
import type { AppServices } from '../shell/services.ts';

export type SendResult = { kind: 'queued' } | { kind: 'incomplete'; errors: FieldError[] } | { kind: 'no-key' };

export interface Sealed {
  submission: CurrentSubmission;
  /** The evidence to upload before the submission. */
  files?: UploadFile[];
}

/** The evidence files the answers name (the evidence page keeps their ids as its answer). */
export const attachedFileIds = (draft: Draft): readonly string[] => many(draft.answers, 'evidenceFiles');

/** Checks a draft against the whole schema and seals it, and the manifest of its files, for the server under `id`. */
export async function sealDraft(services: AppServices, vaultKey: CryptoKey, given: Draft, id: string): Promise<Sealed | SendResult> {
  // Sent from an encounter's list too, where no form page read it: an anonymous report never carries the encounter's trail.
  const draft = given.encounterId && isAnonymousReport(given.answers) ? await forgetEncounterTrail(services.db, vaultKey, given, services.clock.now()) : given;
  const referral = referralSchema.safeParse(withLinks(referralFromAnswers(draft.answers), await encounterLinks(services, draft)));
  const label = caseLabelIssue(draft.caseLabel);
  if (!referral.success || label) {
    return {
      kind: 'incomplete',
      errors: [...(label ? [{ path: 'caseLabel', message: label }] : []), ...(referral.success ? [] : toFieldErrors(referral.error))],
    };
  }
  const key = await intakeKeyFor(services.api, services.settings);
  if (!key) return { kind: 'no-key' };
  const evidence = await evidenceForSending(services.db, vaultKey, attachedFileIds(draft));
  const { sealSubmission } = await import('./seal.ts');
  const submission = await sealSubmission(key, referral.data, id, services.clock.now().toISOString(), evidence?.manifest);
  return { submission, ...(evidence ? { files: evidence.uploads } : {}) };
}

/** Seals a finished draft and moves it into the outbox; from here the device can no longer read it. */
export async function sendDraft(services: AppServices, key: CryptoKey, draft: Draft): Promise<SendResult> {
  const sealed = await sealDraft(services, key, draft, draft.id);
  if ('kind' in sealed) return sealed;
  // Files removed from the answers (or forgotten when the path changed) never leave the device.
  await purgeFilesExcept(services.db, draft.id, attachedFileIds(draft));
  await queueSubmission(services.db, key, sealed.submission, draft.caseLabel.trim(), services.clock.now(), sealed.files);
  services.sendSoon();
  return { kind: 'queued' };
}
