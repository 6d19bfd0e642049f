export interface ServiceNavigationItem {
  href: string;
  text: string;
  /** The page shown is this item (or under it): marked for sight and for screen readers. */
  current?: boolean;
  /** For a page that changes screen without a page load: call `preventDefault()` and go there. */
  onClick?: (event: MouseEvent) => void;
}

/**
 * GOV.UK service navigation: the service's main sections, under the header. Never collapsed behind a
 * menu button (a handful of links fits a phone's width, one under another).
 */
export function ServiceNavigation({ label, items }: { label: string; items: readonly ServiceNavigationItem[] }) {
  if (items.length === 0) return null;
  return (
    <div class="govuk-service-navigation" data-module="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <nav aria-label={label} class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list">
              {items.map((item) => (
                <li key={item.href} class={`govuk-service-navigation__item${item.current ? ' govuk-service-navigation__item--active' : ''}`}>
                  <a class="govuk-service-navigation__link" href={item.href} aria-current={item.current ? 'page' : undefined} onClick={item.onClick}>
                    {/* Bold as well as underlined, for people who override the page's colours. */}
                    {item.current ? <strong class="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
