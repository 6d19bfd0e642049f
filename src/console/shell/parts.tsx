import type { ComponentChildren } from 'preact';
import { Button } from '../../govuk/Button.tsx';
import type { Failure } from './failures.ts';
import { failureMessage } from './messages.ts';
import { followInConsole } from './routes.ts';

/** An ordinary link that changes screen without a page load. */
export function ConsoleLink({ href, class: className, children }: { href: string; class?: string; children: ComponentChildren }) {
  return (
    <a href={href} class={className ?? 'govuk-link'} onClick={followInConsole(href)}>
      {children}
    </a>
  );
}

/** A GOV.UK button that is a link to another screen (the start of a form). */
export function ButtonLink({ href, secondary, warning, children }: { href: string; secondary?: boolean; warning?: boolean; children: ComponentChildren }) {
  const classes = `govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}`;
  return (
    <a href={href} role="button" draggable={false} class={classes} data-module="govuk-button" onClick={followInConsole(href)}>
      {children}
    </a>
  );
}

export function Loading({ text }: { text: string }) {
  return (
    <p class="govuk-body" role="status">
      {text}
    </p>
  );
}

/** What could not be loaded and why, with a way to ask again. */
export function LoadFailed({ failure, text, retry, onRetry }: { failure: Failure; text: (reason: string) => string; retry: string; onRetry: () => void }) {
  return (
    <div role="alert">
      <p class="govuk-body">{text(failureMessage(failure))}</p>
      <Button secondary onClick={onRetry}>
        {retry}
      </Button>
    </div>
  );
}
