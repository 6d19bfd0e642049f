import type { ComponentChildren } from 'preact';
import { govukText } from './text.ts';

export const MAIN_CONTENT_ID = 'main-content';

/** The first thing on the page, for keyboard users: straight past the header to the main content. */
export function SkipLink({ text = govukText.skipLink }: { text?: string }) {
  return (
    <a href={`#${MAIN_CONTENT_ID}`} class="govuk-skip-link" data-module="govuk-skip-link">
      {text}
    </a>
  );
}

/** GOV.UK width container: the page's content, centred, never wider than GOV.UK's page width. */
export function WidthContainer({ children }: { children: ComponentChildren }) {
  return <div class="govuk-width-container">{children}</div>;
}

/** The `main` landmark the skip link goes to, with GOV.UK's spacing above and below. */
export function Main({ children }: { children: ComponentChildren }) {
  return (
    <main class="govuk-main-wrapper" id={MAIN_CONTENT_ID}>
      {children}
    </main>
  );
}

export interface PageFrameProps {
  /** The page's header: a `Header`. */
  header: ComponentChildren;
  /** Shown above `main`, inside the width container: a notification about the whole service. */
  banner?: ComponentChildren;
  skipLinkText?: string;
  children: ComponentChildren;
}

/** Skip link, header, then the width container with `main`: the frame of every page. */
export function PageFrame({ header, banner, skipLinkText, children }: PageFrameProps) {
  return (
    <>
      <SkipLink text={skipLinkText} />
      {header}
      <WidthContainer>
        {banner}
        <Main>{children}</Main>
      </WidthContainer>
    </>
  );
}
