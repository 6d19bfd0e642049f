import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Header, HeaderService } from '../../govuk/Header.tsx';
import { PageFrame } from '../../govuk/PageFrame.tsx';
import { ServiceNavigation, type ServiceNavigationItem } from '../../govuk/ServiceNavigation.tsx';
import { content } from './content.ts';

export interface LayoutProps {
  title: string;
  /** In the header, beside the service name: who is signed in, Sign out. */
  actions?: ComponentChildren;
  /** The console's sections the person may open, under the header. */
  nav?: readonly ServiceNavigationItem[];
  banner?: ComponentChildren;
  children: ComponentChildren;
}

/** Every console screen's frame: skip link, header (with whatever actions the screen puts there), navigation and main. */
export function Layout({ title, actions, nav, banner, children }: LayoutProps) {
  // The title is the first thing a screen reader says after a screen changes without a page load.
  useEffect(() => {
    document.title = content.title(title);
  }, [title]);
  const header = (
    <>
      <Header service={<HeaderService>{content.serviceName}</HeaderService>}>{actions}</Header>
      {nav ? <ServiceNavigation label={content.nav.label} items={nav} /> : null}
    </>
  );
  return (
    <PageFrame header={header} banner={banner} skipLinkText={content.skipLink}>
      {children}
    </PageFrame>
  );
}
