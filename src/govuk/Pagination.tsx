export interface PaginationText {
  label: string;
  previous: string;
  next: string;
  /** Read out instead of the bare number. */
  page: (n: number) => string;
  /** After Previous and Next, for screen readers only (" page"). */
  hiddenSuffix: string;
}

const DEFAULT_TEXT: PaginationText = { label: 'Pagination', previous: 'Previous', next: 'Next', page: (n) => `Page ${n}`, hiddenSuffix: ' page' };

export interface PaginationProps {
  /** From 1. */
  page: number;
  pages: number;
  href: (page: number) => string;
  /** For a page that changes screen without a page load: given the page's address, call `preventDefault()` and go there. */
  onFollow?: (href: string) => (event: MouseEvent) => void;
  text?: PaginationText;
}

/** The pages to number: the first, the last, and the current one with its neighbours; `null` is a gap (…). */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of shown) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && n - last > 1) out.push(null);
    out.push(n);
  }
  return out;
}

const arrow = {
  prev: 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z',
  next: 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z',
};

function Icon({ way }: { way: 'prev' | 'next' }) {
  return (
    <svg class={`govuk-pagination__icon govuk-pagination__icon--${way}`} xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
      <path d={arrow[way]} />
    </svg>
  );
}

/** GOV.UK pagination: Previous, the page numbers (with gaps), Next. Nothing when there is one page. */
export function Pagination({ page, pages, href, onFollow, text = DEFAULT_TEXT }: PaginationProps) {
  if (pages <= 1) return null;
  const link = (n: number) => ({ href: href(n), onClick: onFollow?.(href(n)) });
  return (
    <nav class="govuk-pagination" aria-label={text.label}>
      {page > 1 ? (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" rel="prev" {...link(page - 1)}>
            <Icon way="prev" />
            <span class="govuk-pagination__link-title">
              {text.previous}
              <span class="govuk-visually-hidden">{text.hiddenSuffix}</span>
            </span>
          </a>
        </div>
      ) : null}
      <ul class="govuk-pagination__list">
        {pageNumbers(page, pages).map((n, index) =>
          n === null ? (
            <li key={`gap-${index}`} class="govuk-pagination__item govuk-pagination__item--ellipsis">
              ⋯
            </li>
          ) : (
            <li key={n} class={`govuk-pagination__item${n === page ? ' govuk-pagination__item--current' : ''}`}>
              <a class="govuk-link govuk-pagination__link" aria-label={text.page(n)} aria-current={n === page ? 'page' : undefined} {...link(n)}>
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" rel="next" {...link(page + 1)}>
            <span class="govuk-pagination__link-title">
              {text.next}
              <span class="govuk-visually-hidden">{text.hiddenSuffix}</span>
            </span>
            <Icon way="next" />
          </a>
        </div>
      ) : null}
    </nav>
  );
}
