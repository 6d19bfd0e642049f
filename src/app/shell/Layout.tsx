import type { ComponentChildren } from 'preact';
import { useServices } from './services.ts';
import { content } from './content.ts';
import { paths } from './routes.ts';
import { Link } from './Link.tsx';
import { StatusLine } from './StatusLine.tsx';

/** Lock and Hide sit in the header whenever the vault is open (Escape hides too, from any screen). */
function SafetyButtons() {
  const { session } = useServices();
  return (
    <span class="app-header__actions">
      <Link href={paths.settings} class="app-header__action">
        {content.settings.link}
      </Link>
      <button type="button" class="app-header__action" onClick={() => session.lock()}>
        {content.vault.lock}
      </button>
      <button type="button" class="app-header__action app-header__action--hide" onClick={() => session.hide()}>
        {content.vault.hide}
      </button>
    </span>
  );
}

export function Layout({ children, banner, unlocked }: { children: ComponentChildren; banner?: ComponentChildren; unlocked: boolean }) {
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
          {unlocked ? <SafetyButtons /> : null}
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
