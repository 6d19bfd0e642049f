import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../use-step-form.ts';
import type { StepId } from '../../shared/steps.ts';
import { BackLink } from '../components/BackLink.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Button } from '../components/fields.tsx';
import { content } from '../content.ts';
import { previousStep, stepNumber, stepOrder } from '../journey.ts';
import { paths } from '../router.ts';

interface QuestionPageProps {
  draftId: string;
  step: StepId;
  change: boolean;
  errors: FieldErrors;
  attempt: number;
  savedMessage: string;
  onSubmit: (event: Event) => void;
  children: ComponentChildren;
}

/** The frame every question shares: back link, progress, error summary, Continue and the save note. */
export function QuestionPage({ draftId, step, change, errors, attempt, savedMessage, onSubmit, children }: QuestionPageProps) {
  const previous = previousStep(step);
  const back = change ? paths.check(draftId) : previous ? paths.step(draftId, previous) : paths.home;
  const summary = Object.entries(errors).map(([name, message]) => ({ href: `#${name}`, message }));
  return (
    <>
      <BackLink href={back} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} attempt={attempt} />
          <span class="govuk-caption-m">{content.section(stepNumber(step), stepOrder.length)}</span>
          <form noValidate onSubmit={onSubmit}>
            {children}
            <Button type="submit">{content.continue}</Button>
          </form>
          <p class="govuk-body-s app-saved" aria-live="polite">
            {savedMessage}
          </p>
        </div>
      </div>
    </>
  );
}
