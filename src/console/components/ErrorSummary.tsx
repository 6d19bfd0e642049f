import { useEffect, useRef } from 'preact/hooks';
import { content } from '../content.ts';

export interface SummaryError {
  /** id of the field the link moves focus to */
  field: string;
  message: string;
}

/**
 * GOV.UK error summary: takes focus when it appears and after each failed attempt (`attempt`), so
 * screen readers announce it even when the words are the same as last time. Its links focus the field.
 */
export function ErrorSummary({ errors, attempt }: { errors: SummaryError[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">{content.errorSummaryTitle}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.field}>
                <a
                  href={`#${error.field}`}
                  onClick={(event) => {
                    const target = document.getElementById(error.field);
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
