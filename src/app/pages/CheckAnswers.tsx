import { useState } from 'preact/hooks';
import { toFieldErrors } from '../../shared/issues.ts';
import { SCHEMA_VERSION, caseLabelSchema, referralFromAnswers, referralSchema } from '../../shared/referral.ts';
import type { StepId } from '../../shared/steps.ts';
import type { DraftRecord } from '../../store/db.ts';
import { queueSubmission } from '../../store/outbox.ts';
import { BackLink } from '../components/BackLink.tsx';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { Button } from '../components/fields.tsx';
import { Link } from '../components/Link.tsx';
import { content } from '../content.ts';
import { stepOrder } from '../journey.ts';
import { navigate, paths } from '../router.ts';
import { useServices } from '../services.ts';

const text = content.check;

/** Which page asks each answer, so a missing one links straight to its question. */
const askedOn: Record<string, StepId> = { caseLabel: 'case-label', path: 'age', ageGroup: 'age', account: 'account' };

function Row({ label, value, draftId, step }: { label: string; value: string | undefined; draftId: string; step: StepId }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value app-pre-wrap">{value || <span class="govuk-hint">{text.notAnswered}</span>}</dd>
      <dd class="govuk-summary-list__actions">
        <Link href={paths.step(draftId, step, true)}>
          {text.change}
          <span class="govuk-visually-hidden"> {label.toLowerCase()}</span>
        </Link>
      </dd>
    </div>
  );
}

export function CheckAnswers({ draft }: { draft: DraftRecord }) {
  const { db, clock, sendSoon } = useServices();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const { ageGroup } = draft.answers;

  const submit = async () => {
    const referral = referralSchema.safeParse(referralFromAnswers(draft.answers));
    const label = caseLabelSchema.safeParse(draft.caseLabel);
    const problems = [
      ...(label.success ? [] : toFieldErrors(label.error).map((e) => ({ ...e, path: 'caseLabel' }))),
      ...(referral.success ? [] : toFieldErrors(referral.error)),
    ];
    if (!referral.success || !label.success) {
      setErrors(problems.map((problem) => ({ href: paths.step(draft.id, askedOn[problem.path] ?? stepOrder[0] ?? ''), message: problem.message })));
      return;
    }
    const now = clock.now();
    await queueSubmission(
      db,
      { id: draft.id, schemaVersion: SCHEMA_VERSION, submittedAt: now.toISOString(), envelope: { format: 'plain', referral: referral.data } },
      label.data,
      now,
    );
    sendSoon();
    navigate(paths.sent(draft.id), { replace: true });
  };

  return (
    <>
      <BackLink href={paths.step(draft.id, stepOrder[stepOrder.length - 1] ?? 'account')} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">{text.title}</h1>
          <dl class="govuk-summary-list">
            <Row label={text.labels.caseLabel} value={draft.caseLabel} draftId={draft.id} step="case-label" />
            <Row label={text.labels.ageGroup} value={ageGroup ? content.steps.age.options[ageGroup] : undefined} draftId={draft.id} step="age" />
            <Row label={text.labels.account} value={draft.answers.account} draftId={draft.id} step="account" />
          </dl>
          <p class="govuk-body">{text.declaration}</p>
          <Button onClick={() => void submit()}>{text.submit}</Button>
        </div>
      </div>
    </>
  );
}
