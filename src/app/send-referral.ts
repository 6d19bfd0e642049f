import { caseLabelIssue } from '../shared/case-label.ts';
import { referralFromAnswers, referralSchema } from '../shared/referral.ts';
import { toFieldErrors } from '../shared/issues.ts';
import type { CurrentSubmission, FieldError } from '../shared/protocol.ts';
import type { Draft } from '../store/drafts.ts';
import { queueSubmission } from '../store/outbox.ts';
import { intakeKeyFor } from './intake-key.ts';
import type { AppServices } from './services.ts';

export type SendResult = { kind: 'queued' } | { kind: 'incomplete'; errors: FieldError[] } | { kind: 'no-key' };

/** Checks a draft against the whole schema and seals it for the server under `id`. */
export async function sealDraft(services: AppServices, draft: Draft, id: string): Promise<CurrentSubmission | SendResult> {
  const referral = referralSchema.safeParse(referralFromAnswers(draft.answers));
  const label = caseLabelIssue(draft.caseLabel);
  if (!referral.success || label) {
    return {
      kind: 'incomplete',
      errors: [...(label ? [{ path: 'caseLabel', message: label }] : []), ...(referral.success ? [] : toFieldErrors(referral.error))],
    };
  }
  const key = await intakeKeyFor(services.fetch, services.settings);
  if (!key) return { kind: 'no-key' };
  const { sealSubmission } = await import('./seal.ts');
  return sealSubmission(key, referral.data, id, services.clock.now().toISOString());
}

/** Seals a finished draft and moves it into the outbox; from here the device can no longer read it. */
export async function sendDraft(services: AppServices, key: CryptoKey, draft: Draft): Promise<SendResult> {
  const sealed = await sealDraft(services, draft, draft.id);
  if ('kind' in sealed) return sealed;
  await queueSubmission(services.db, key, sealed, draft.caseLabel.trim(), services.clock.now());
  services.sendSoon();
  return { kind: 'queued' };
}
