import type { ComponentChildren } from 'preact';
import { navigate } from './routes.ts';

/** An ordinary link that changes page without a reload (new-tab and modified clicks behave as usual). */
export function Link({ href, class: className, children }: { href: string; class?: string; children: ComponentChildren }) {
  return (
    <a
      href={href}
      class={className ?? 'govuk-link'}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
