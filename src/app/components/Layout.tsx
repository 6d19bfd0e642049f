import type { ComponentChildren } from 'preact';
import { content } from '../content.ts';
import { paths } from '../router.ts';
import { Link } from './Link.tsx';
import { StatusLine } from './StatusLine.tsx';

export function Layout({ children, banner }: { children: ComponentChildren; banner?: ComponentChildren }) {
  return (
    <>
      <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
        {content.skipLink}
      </a>
      <header class="app-header" data-module="govuk-header">
        <div class="govuk-width-container app-header__inner">
          <Link href={paths.home} class="app-header__service">
            {content.serviceName}
          </Link>
          <StatusLine />
        </div>
      </header>
      <div class="govuk-width-container">
        {banner}
        <main class="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
    </>
  );
}
