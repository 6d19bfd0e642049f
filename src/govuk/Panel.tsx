import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * GOV.UK confirmation panel: what was just done, in large type on green. Takes focus when shown, so
 * the outcome is read out first after a form is sent without a page load.
 */
export function Panel({ title, children }: { title: string; children?: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="govuk-panel govuk-panel--confirmation govuk-!-margin-bottom-8" ref={ref} tabIndex={-1}>
      <h1 class="govuk-panel__title">{title}</h1>
      {children ? <div class="govuk-panel__body">{children}</div> : null}
    </div>
  );
}
