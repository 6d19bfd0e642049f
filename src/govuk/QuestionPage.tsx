import type { ComponentChildren } from 'preact';
import { Button } from './Button.tsx';
import { ErrorSummary, type SummaryError } from './ErrorSummary.tsx';
import { govukText } from './text.ts';

export interface QuestionPageProps {
  /** The back link, above the grid: a `BackLink` (or the caller's own, that changes screen in place). */
  back?: ComponentChildren;
  errors: readonly SummaryError[];
  /** How many times the page was sent; see `ErrorSummary`. */
  attempt?: number;
  errorSummaryTitle?: string;
  /** Above the heading: where this page is (section, page number) or whose it is. */
  caption?: ComponentChildren;
  /** The caption's classes; `govuk-caption-m` unless given. */
  captionClass?: string;
  /**
   * The page's `h1`. Left out when the page asks one question whose label or legend is the heading
   * (a field with `heading`).
   */
  heading?: ComponentChildren;
  /** Between the heading and the form: what the page is for, an inset reminder. */
  lead?: ComponentChildren;
  /** Given, the question sits in a form (`novalidate`: the page's own rules speak, not the browser's) sent by Continue. */
  onSubmit?: (event: Event) => void;
  /** Given instead of `onSubmit`, for a page with nothing to send (its work done as it goes): Continue is a plain button. */
  onContinue?: () => void;
  continueLabel?: string;
  /** Instead of the Continue button: other buttons (a button group with two ways on). */
  actions?: ComponentChildren;
  /** Under the form: a live message such as "Saved". */
  after?: ComponentChildren;
  /** The question, or questions. */
  children: ComponentChildren;
}

/**
 * The GOV.UK question page: back link; then, in two thirds of the width, the error summary, the
 * caption, the heading, the question and Continue.
 */
export function QuestionPage(props: QuestionPageProps) {
  const { back, errors, attempt, errorSummaryTitle, caption, captionClass = 'govuk-caption-m', heading, lead, onSubmit, onContinue, continueLabel = govukText.continue, actions, after, children } = props;
  return (
    <>
      {back}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} attempt={attempt} title={errorSummaryTitle} />
          {caption ? <span class={captionClass}>{caption}</span> : null}
          {heading ? <h1 class="govuk-heading-l">{heading}</h1> : null}
          {lead}
          {onSubmit ? (
            <form noValidate onSubmit={onSubmit}>
              {children}
              {actions ?? <Button type="submit">{continueLabel}</Button>}
            </form>
          ) : (
            <>
              {children}
              {actions ?? (onContinue ? <Button onClick={onContinue}>{continueLabel}</Button> : null)}
            </>
          )}
          {after}
        </div>
      </div>
    </>
  );
}
