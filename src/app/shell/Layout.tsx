import type { ComponentChildren } from 'preact';
import { useServices } from './services.ts';
import { paths } from './routes.ts';
import { followInApp, Link } from './Link.tsx';
import { HEADER_ACTION_CLASS, Header, HeaderActions, HeaderButton, HeaderService } from '../../govuk/Header.tsx';
import { PageFrame } from '../../govuk/PageFrame.tsx';
import { StatusLine } from './StatusLine.tsx';
import { vaultContent } from '../vault/content.ts';
import { content } from './content.ts';

/** Lock and Hide sit in the header whenever the vault is open (Escape hides too, from any screen). */
function SafetyButtons() {
  const { session } = useServices();
  return (
    <HeaderActions>
      <Link href={paths.settings} class={HEADER_ACTION_CLASS}>
        {content.settingsLink}
      </Link>
      <HeaderButton onClick={() => session.lock()}>{vaultContent.vault.lock}</HeaderButton>
      <HeaderButton class="app-header__action--hide" onClick={() => session.hide()}>
        {vaultContent.vault.hide}
      </HeaderButton>
    </HeaderActions>
  );
}

export function Layout({ children, banner, unlocked }: { children: ComponentChildren; banner?: ComponentChildren; unlocked: boolean }) {
  const header = (
    <Header
      service={
        <HeaderService href={paths.home} onClick={followInApp(paths.home)}>
          {content.serviceName}
        </HeaderService>
      }
    >
      <StatusLine />
      {unlocked ? <SafetyButtons /> : null}
    </Header>
  );
  return (
    <PageFrame header={header} banner={banner} skipLinkText={content.skipLink}>
      {children}
    </PageFrame>
  );
}
