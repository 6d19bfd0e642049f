import { govukText } from './text.ts';

export interface BackLinkProps {
  href: string;
  text?: string;
  /**
   * For a page that changes screen without a page load: call `preventDefault()` and go there. Left
   * to itself, the link is an ordinary one.
   */
  onClick?: (event: MouseEvent) => void;
}

/** GOV.UK back link, at the top of the page above the main content's grid. */
export function BackLink({ href, text = govukText.back, onClick }: BackLinkProps) {
  return (
    <a href={href} class="govuk-back-link" onClick={onClick}>
      {text}
    </a>
  );
}
