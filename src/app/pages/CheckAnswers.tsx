import { useState } from 'preact/hooks';
import type { StepId } from '../../shared/steps.ts';
import type { Draft } from '../../store/drafts.ts';
import { BackLink } from '../components/BackLink.tsx';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary.tsx';
import { Link } from '../components/Link.tsx';
import { content } from '../content.ts';
import { stepOrder } from '../journey.ts';
import { navigate, paths } from '../router.ts';
import { sendDraft } from '../send-referral.ts';
import { useKey, useServices } from '../services.ts';

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

export function CheckAnswers({ draft }: { draft: Draft }) {
  const services = useServices();
  const key = useKey();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [sending, setSending] = useState(false);
  const { ageGroup } = draft.answers;

  const submit = async () => {
    if (sending) return;
    setSending(true);
    try {
      const result = await sendDraft(services, key, draft);
      if (result.kind === 'queued') {
        navigate(paths.sent(draft.id), { replace: true });
        return;
      }
      setErrors(
        result.kind === 'no-key'
          ? [{ href: '#submit', message: content.noIntakeKey }]
          : result.errors.map((problem) => ({ href: paths.step(draft.id, askedOn[problem.path] ?? stepOrder[0] ?? ''), message: problem.message })),
      );
    } finally {
      setSending(false);
    }
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
          <button id="submit" type="button" class="govuk-button" data-module="govuk-button" disabled={sending} aria-disabled={sending} onClick={() => void submit()}>
            {text.submit}
          </button>
        </div>
      </div>
    </>
  );
}
