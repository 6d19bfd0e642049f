import { useEffect, useRef } from 'preact/hooks';
import { govukText } from './text.ts';

export interface SummaryError {
  /**
   * Where the link goes: `#` and the id of the field to fix (the link then moves focus to it), or
   * the address of another page whose answer is wrong.
   */
  href: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly SummaryError[];
  /**
   * How many times the form has been sent. Given, the summary takes focus when it appears and after
   * each attempt, so it is announced even when the words are the same as last time; left out, it
   * takes focus whenever the errors it shows change. Never while someone types.
   */
  attempt?: number;
  title?: string;
}

/** GOV.UK error summary: shown above the page's heading, empty (nothing rendered) when all is well. */
export function ErrorSummary({ errors, attempt, title = govukText.errorSummaryTitle }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.map((error) => error.message).join('\n');
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [attempt ?? shown]);
  if (errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">{title}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.href}\n${error.message}`}>
                <a
                  href={error.href}
                  onClick={(event) => {
                    // A field on this page: focus it (as GOV.UK Frontend's script does); another page: an ordinary link.
                    const target = error.href.startsWith('#') ? document.getElementById(error.href.slice(1)) : null;
                    if (!target) return;
                    event.preventDefault();
                    target.scrollIntoView({ block: 'center' });
                    target.focus();
                  }}
                >
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
