import { useEffect, useRef } from 'preact/hooks';
import { content } from './content.ts';

export interface SummaryError {
  /** id of the field the link moves focus to */
  href: string;
  message: string;
}

/**
 * GOV.UK error summary: takes focus when it appears, and again after each failed submit (`attempt`),
 * so screen readers announce it; never while the user types. Its links move focus to the field.
 */
export function ErrorSummary({ errors, attempt }: { errors: SummaryError[]; attempt?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.map((error) => error.message).join('\n');
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [attempt ?? shown]);
  if (errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">{content.errorSummaryTitle}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.href}>
                <a
                  href={error.href}
                  onClick={(event) => {
                    const target = document.getElementById(error.href.replace(/^#/, ''));
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
