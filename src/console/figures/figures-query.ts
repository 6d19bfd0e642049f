import { isPeriodParam, lastCompleteQuarter } from './period.ts';

export const FIGURES_VIEWS = ['tables', 'trends', 'map'] as const;
export type FiguresView = (typeof FIGURES_VIEWS)[number];
export type ChartKind = 'line' | 'bar';

/**
 * Everything the Figures screens show, as it sits in the address, so that a view can be bookmarked,
 * shared and reached again with back and forward. Only periods and the names of tables, rows and
 * columns: never anything about a person.
 */
export interface FiguresQuery {
  period: string;
  view: FiguresView;
  /** Tables: the one table shown (all when absent). Trends: the table the figure comes from. */
  table?: string;
  /** Trends: the row of the figure. */
  row?: string;
  /** Trends and map: the column of the figure. */
  column?: string;
  chart: ChartKind;
}

/** The query in an address; anything missing or not understood falls back to the last complete quarter's tables. */
export function readFiguresQuery(search: string | URLSearchParams, now: Date): FiguresQuery {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const period = params.get('period') ?? '';
  const view = params.get('view') ?? '';
  const optional = (name: string) => {
    const value = params.get(name);
    return value ? value : undefined;
  };
  return {
    period: isPeriodParam(period) ? period : lastCompleteQuarter(now),
    view: (FIGURES_VIEWS as readonly string[]).includes(view) ? (view as FiguresView) : 'tables',
    table: optional('table'),
    row: optional('row'),
    column: optional('column'),
    chart: params.get('chart') === 'bar' ? 'bar' : 'line',
  };
}

/** The address's query for a view; the period always, so a bookmark keeps it, and nothing at its default. */
export function figuresSearch(query: FiguresQuery): URLSearchParams {
  const search = new URLSearchParams({ period: query.period });
  if (query.view !== 'tables') search.set('view', query.view);
  if (query.table) search.set('table', query.table);
  if (query.row) search.set('row', query.row);
  if (query.column) search.set('column', query.column);
  if (query.chart !== 'line') search.set('chart', query.chart);
  return search;
}
