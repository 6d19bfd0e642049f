import { useState } from 'preact/hooks';
import { pathOf, walk } from '../../shared/form/journey.ts';
import type { Answers } from '../../shared/form/model.ts';
import { answerSections } from '../../shared/form/answer-summary.ts';
import type { Draft } from '../../store/drafts.ts';
import { FormPageTop } from './FormPageTop.tsx';
import { ErrorSummary, type SummaryError } from '../../govuk/ErrorSummary.tsx';
import { navigate, paths } from '../shell/routes.ts';
import { sendDraft } from '../outbox/send-referral.ts';
import { useKey, useServices } from '../shell/services.ts';
import { outboxContent } from '../outbox/content.ts';
import { checkContent } from './check-content.ts';
import { AnswerCards } from './AnswerCards.tsx';
import { QualityAdvice } from './QualityAdvice.tsx';
import { AnonymousReminder } from './AnonymousReminder.tsx';

const text = checkContent.check;

export function CheckAnswers({ draft }: { draft: Draft }) {
  const services = useServices();
  const key = useKey();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
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
      const pages = result.kind === 'no-key' ? [] : result.errors.map((problem) => askedOn(problem.path.split('.')[0] ?? ''));
      setRefused(pages);
      setErrors(
        result.kind === 'no-key'
          ? [{ href: '#submit', message: outboxContent.noIntakeKey }]
          : result.errors.map((problem, index) => ({ href: paths.step(draft.id, pages[index] ?? 'case-label', true), message: problem.message })),
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <FormPageTop back={paths.step(draft.id, done[done.length - 1]?.id ?? 'case-label')} draftId={draft.id} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">{path === 'dtn' ? text.titleDtn : text.title}</h1>
          <div class="govuk-inset-text">{path ? text.pathSummary[path] : null}</div>
          <QualityAdvice draft={draft} />
          <AnswerCards draftId={draft.id} sections={answerSections(draft.answers, { caseLabel: { value: draft.caseLabel, label: text.caseLabel } })} openPages={refused} />
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
