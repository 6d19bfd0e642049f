import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { content } from '../content.ts';

/** The page frame: skip link, header (with whatever actions the screen puts there) and main. */
export function Layout({ title, actions, children }: { title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  // The title is the first thing a screen reader says after a screen changes without a page load.
  useEffect(() => {
    document.title = content.title(title);
  }, [title]);
  return (
    <>
      <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
        {content.skipLink}
      </a>
      <header class="console-header">
        <div class="govuk-width-container console-header__inner">
          <span class="console-header__service">{content.serviceName}</span>
          {actions}
        </div>
      </header>
      <div class="govuk-width-container">
        <main class="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
    </>
  );
}
