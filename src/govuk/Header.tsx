import type { ComponentChildren } from 'preact';

/**
 * The service's header: a black bar with the service name, and whatever the page puts beside it
 * (status, actions). Styled by `src/govuk/styles/_header.scss`: not GOV.UK Frontend's own header,
 * which carries the crown and the GOV.UK logotype that only GOV.UK itself may use.
 */
export function Header({ service, children }: { service: ComponentChildren; children?: ComponentChildren }) {
  return (
    <header class="app-header" data-module="govuk-header">
      <div class="govuk-width-container app-header__inner">
        {service}
        {children}
      </div>
    </header>
  );
}

/** The service name: a link home when given `href` (with `onClick` for a change of screen without a page load), plain text otherwise. */
export function HeaderService({ href, onClick, children }: { href?: string; onClick?: (event: MouseEvent) => void; children: ComponentChildren }) {
  return href === undefined ? (
    <span class="app-header__service">{children}</span>
  ) : (
    <a href={href} class="app-header__service" onClick={onClick}>
      {children}
    </a>
  );
}

/** Several header actions kept together: a row of their own on a phone, beside the name on a wider screen. */
export function HeaderActions({ children }: { children: ComponentChildren }) {
  return <span class="app-header__actions">{children}</span>;
}

/** The class of a header action (a button, or a link drawn by the caller): 44 px high, in the header's colours. */
export const HEADER_ACTION_CLASS = 'app-header__action';

/** A button in the header, such as Sign out. */
export function HeaderButton({ id, onClick, ariaDisabled, class: extra, children }: { id?: string; onClick: () => void; ariaDisabled?: boolean; class?: string; children: ComponentChildren }) {
  return (
    <button type="button" id={id} class={`${HEADER_ACTION_CLASS}${extra ? ` ${extra}` : ''}`} onClick={onClick} aria-disabled={ariaDisabled}>
      {children}
    </button>
  );
}
