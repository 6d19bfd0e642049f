import { useState } from 'preact/hooks';
import { pathOf, walk } from '../../shared/form/journey.ts';
import type { Answers } from '../../shared/form/model.ts';
import { answerSections, type AnswerRow } from '../../shared/form/answer-summary.ts';
import type { Draft } from '../../store/drafts.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { ErrorSummary, type SummaryError } from '../../govuk/ErrorSummary.tsx';
import { Link } from '../shell/Link.tsx';
import { navigate, paths } from '../shell/routes.ts';
import { sendDraft } from '../outbox/send-referral.ts';
import { useKey, useServices } from '../shell/services.ts';
import { outboxContent } from '../outbox/content.ts';
import { checkContent } from './check-content.ts';
import { AnswerSections } from '../../govuk/AnswerSections.tsx';
import { QualityAdvice } from './QualityAdvice.tsx';
import { AnonymousReminder } from './AnonymousReminder.tsx';

const text = checkContent.check;

/** A Change link back to an answer's page (a change there returns here). */
function change(draftId: string, row: AnswerRow) {
  return (
    <Link href={paths.step(draftId, row.pageId, true)}>
      {text.change}
      <span class="govuk-visually-hidden"> {row.label.toLowerCase()}</span>
    </Link>
  );
}

export function CheckAnswers({ draft }: { draft: Draft }) {
  const services = useServices();
  const key = useKey();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [sending, setSending] = useState(false);
  const answers: Answers = { caseLabel: draft.caseLabel, ...draft.answers };
  const { done } = walk(answers);
  const path = pathOf(answers);
  const askedOn = (name: string) => done.find((page) => page.fields.some((def) => def.name === name))?.id ?? 'case-label';

  const submit = async () => {
    if (sending) return;
    setSending(true);
    try {
      const result = await sendDraft(services, key, draft);
      if (result.kind === 'queued') {
        navigate(paths.sent(draft.id, path === 'dtn'), { replace: true });
        return;
      }
      setErrors(
        result.kind === 'no-key'
          ? [{ href: '#submit', message: outboxContent.noIntakeKey }]
          : result.errors.map((problem) => ({ href: paths.step(draft.id, askedOn(problem.path.split('.')[0] ?? ''), true), message: problem.message })),
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <BackLink href={paths.step(draft.id, done[done.length - 1]?.id ?? 'case-label')} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">{path === 'dtn' ? text.titleDtn : text.title}</h1>
          <div class="govuk-inset-text">{path ? text.pathSummary[path] : null}</div>
          <QualityAdvice draft={draft} />
          <AnswerSections
            sections={answerSections(draft.answers, { caseLabel: { value: draft.caseLabel, label: text.caseLabel } })}
            notAnswered={text.notAnswered}
            valueClass="app-pre-wrap"
            actions={(row) => change(draft.id, row)}
          />
          <AnonymousReminder draftId={draft.id} answers={answers} />
          <h2 class="govuk-heading-m">{text.sendHeading}</h2>
          <p class="govuk-body">{text.declaration}</p>
          <button id="submit" type="button" class="govuk-button" data-module="govuk-button" disabled={sending} aria-disabled={sending} onClick={() => void submit()}>
            {path === 'dtn' ? text.submitDtn : text.submit}
          </button>
        </div>
      </div>
    </>
  );
}
