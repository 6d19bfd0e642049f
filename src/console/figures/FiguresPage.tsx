import type { ConsoleApi } from '../shell/api.ts';
import { useHeadingFocus } from '../shell/desk-frame.ts';
import { DeskLayout } from '../shell/DeskLayout.tsx';
import { LoadFailed, Loading } from '../shell/parts.tsx';
import { followInConsole, navigate, paths, useLocation } from '../shell/routes.ts';
import { useLoad } from '../shell/use-load.ts';
import { figuresContent as text } from './content.ts';
import { FIGURES_VIEWS, figuresSearch, readFiguresQuery, type FiguresQuery, type FiguresView } from './figures-query.ts';
import { MapView } from './MapView.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { TablesView } from './TablesView.tsx';
import { TrendsView } from './TrendsView.tsx';

const go = (query: FiguresQuery) => navigate(paths.figuresWith(figuresSearch(query)));

/** The views of one period, as links: each keeps the period, so a switch never loses it. */
function ViewLinks({ query }: { query: FiguresQuery }) {
  const address = (view: FiguresView) => paths.figuresWith(figuresSearch({ period: query.period, view, chart: query.chart }));
  return (
    <nav aria-label={text.views.label} class="app-figures-views">
      <ul class="app-figures-views__list">
        {FIGURES_VIEWS.map((view) => (
          <li class={`app-figures-views__item${view === query.view ? ' app-figures-views__item--current' : ''}`} key={view}>
            <a class="govuk-link govuk-link--no-visited-state" href={address(view)} aria-current={view === query.view ? 'page' : undefined} onClick={followInConsole(address(view))}>
              {text.views[view]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The analyst's figures: every table the Home Office publishes, for any period, with trends, a map by
 * police force area and downloads. Aggregates only, suppressed on the server; everything on screen is
 * in the address, so a view can be bookmarked and shared, and back and forward work.
 */
export function FiguresPage({ api, onSessionEnded, now = () => new Date() }: { api: ConsoleApi; onSessionEnded: () => void; now?: () => Date }) {
  const heading = useHeadingFocus();
  const location = useLocation();
  const today = now();
  const query = readFiguresQuery(location.search, today);
  const { state, reload } = useLoad(() => api.figures.tables(query.period), query.period, onSessionEnded);

  const content = () => {
    if (state.kind === 'loading') return <Loading text={text.loading} />;
    if (state.kind === 'failed') return <LoadFailed failure={state.failure} text={text.failed} retry={text.retry} onRetry={() => void reload()} />;
    const answer = state.value;
    return (
      <>
        <p class="govuk-body-s" data-testid="suppression-note">
          {text.suppressionNote(answer.threshold)}
        </p>
        {query.view === 'tables' ? <TablesView key={query.table ?? ''} answer={answer} query={query} onChoose={(table) => go({ ...query, table })} /> : null}
        {query.view === 'trends' ? <TrendsView api={api} answer={answer} query={query} onSessionEnded={onSessionEnded} onShow={(choice) => go({ ...query, ...choice })} /> : null}
        {query.view === 'map' ? <MapView key={query.column ?? ''} answer={answer} column={query.column} onColumn={(column) => go({ ...query, column })} /> : null}
      </>
    );
  };

  return (
    <DeskLayout title={text.title}>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {text.title}
      </h1>
      <p class="govuk-body">{text.intro}</p>
      <PeriodPicker key={query.period} period={query.period} now={today} onPick={(period) => go({ period, view: query.view, chart: query.chart })} />
      {state.kind === 'loaded' ? (
        <h2 class="govuk-heading-m govuk-!-margin-bottom-2" data-testid="period-shown">
          {text.period.showing(state.value.period.label)}
        </h2>
      ) : null}
      <ViewLinks query={query} />
      {content()}
    </DeskLayout>
  );
}
