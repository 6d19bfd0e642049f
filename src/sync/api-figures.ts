import { apiPath } from '../shared/api-path.ts';
import { FIGURES_PATHS, figuresAnswerSchema, trendAnswerSchema, type FiguresAnswer, type TrendAnswer } from '../shared/figures/figures-contract.ts';
import { answerOf, type ApiClient, type ApiResult } from './api-client.ts';

/** What a trend is asked for: one cell of one table, quarter by quarter, over a period. */
export interface TrendQuery {
  period: string;
  table: string;
  row: string;
  column: string;
}

/** Every table for one period (`2022-Q4`, `2022` or `2022-01-01..2022-06-30`), suppressed by the server. */
export function figuresTables(api: ApiClient, period: string): Promise<ApiResult<FiguresAnswer>> {
  return api.call({ method: 'GET', target: apiPath(FIGURES_PATHS.tables, {}, new URLSearchParams({ period })), read: answerOf<FiguresAnswer>(figuresAnswerSchema) });
}

/** One table's figure by quarter, for a chart. */
export function figuresTrend(api: ApiClient, query: TrendQuery): Promise<ApiResult<TrendAnswer>> {
  const search = new URLSearchParams({ period: query.period, table: query.table, row: query.row, column: query.column });
  return api.call({ method: 'GET', target: apiPath(FIGURES_PATHS.trend, {}, search), read: answerOf<TrendAnswer>(trendAnswerSchema) });
}
