import type { ComponentChildren } from 'preact';
import { navigate } from './routes.ts';

/** Changes page without a reload on a plain click; new-tab and modified clicks behave as usual. */
export function followInApp(href: string) {
  return (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
}

/** An ordinary link that changes page without a reload. */
export function Link({ href, class: className, children }: { href: string; class?: string; children: ComponentChildren }) {
  return (
    <a href={href} class={className ?? 'govuk-link'} onClick={followInApp(href)}>
      {children}
    </a>
  );
}
