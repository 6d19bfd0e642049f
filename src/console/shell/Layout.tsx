import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Header, HeaderService } from '../../govuk/Header.tsx';
import { PageFrame } from '../../govuk/PageFrame.tsx';
import { content } from './content.ts';

/** Every console screen's frame: skip link, header (with whatever actions the screen puts there) and main. */
export function Layout({ title, actions, children }: { title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  // The title is the first thing a screen reader says after a screen changes without a page load.
  useEffect(() => {
    document.title = content.title(title);
  }, [title]);
  const header = <Header service={<HeaderService>{content.serviceName}</HeaderService>}>{actions}</Header>;
  return (
    <PageFrame header={header} skipLinkText={content.skipLink}>
      {children}
    </PageFrame>
  );
}
