import { useState } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { ChoiceGroup } from '../../govuk/Choices.tsx';
import { Select } from '../../govuk/Select.tsx';
import type { FiguresAnswer, FigureTable, TrendAnswer } from '../../shared/figures/figures-contract.ts';
import type { ConsoleApi } from '../shell/api.ts';
import { LoadFailed, Loading } from '../shell/parts.tsx';
import { useLoad } from '../shell/use-load.ts';
import { figuresContent } from './content.ts';
import { cellWords } from './FigureTableView.tsx';
import type { ChartKind, FiguresQuery } from './figures-query.ts';
import { TrendChart } from './TrendChart.tsx';
import { trendSummary } from './trend-summary.ts';

const text = figuresContent.trends;

/** A figure to start from: the table's total row (or its first), in its total column (or its last). */
function defaultCell(table: FigureTable): { row: string; column: string } {
  const row = table.rows.find((candidate) => candidate.total) ?? table.rows[0];
  const column = table.columns.find((candidate) => /total/i.test(candidate.key)) ?? table.columns[table.columns.length - 1];
  return { row: row?.key ?? '', column: column?.key ?? '' };
}

/** The figure the address asks for, or the nearest one the period's tables have. */
export function trendChoice(answer: FiguresAnswer, query: FiguresQuery): { table: string; row: string; column: string } | undefined {
  const table = answer.tables.find((candidate) => candidate.id === query.table) ?? answer.tables[0];
  if (!table) return undefined;
  const fallback = defaultCell(table);
  const row = table.rows.some((candidate) => candidate.key === query.row) ? (query.row ?? fallback.row) : fallback.row;
  const column = table.columns.some((candidate) => candidate.key === query.column) ? (query.column ?? fallback.column) : fallback.column;
  return { table: table.id, row, column };
}

type Choice = { table: string; row: string; column: string; chart: ChartKind };

/** Which figure to follow: any cell of any table of the period, as a line or as bars. A GET form into the address. */
function TrendForm({ answer, initial, onShow }: { answer: FiguresAnswer; initial: Choice; onShow: (choice: Choice) => void }) {
  const [choice, setChoice] = useState(initial);
  const table = answer.tables.find((candidate) => candidate.id === choice.table) ?? answer.tables[0];
  return (
    <form
      method="get"
      action=""
      class="app-figures-trend-form"
      onSubmit={(event) => {
        event.preventDefault();
        onShow(choice);
      }}
    >
      <Select
        id="trend-table"
        label={text.table}
        options={answer.tables.map((candidate) => ({ value: candidate.id, text: candidate.title }))}
        field={{
          name: 'table',
          value: choice.table,
          onChange: (id) => {
            const next = answer.tables.find((candidate) => candidate.id === id);
            if (next) setChoice({ ...choice, table: id, ...defaultCell(next) });
          },
        }}
      />
      <Select id="trend-row" label={table?.rowHeading ?? text.row} options={(table?.rows ?? []).map((row) => ({ value: row.key, text: row.label }))} field={{ name: 'row', value: choice.row, onChange: (row) => setChoice({ ...choice, row }) }} />
      <Select id="trend-column" label={text.column} options={(table?.columns ?? []).map((column) => ({ value: column.key, text: column.label }))} field={{ name: 'column', value: choice.column, onChange: (column) => setChoice({ ...choice, column }) }} />
      <ChoiceGroup
        id="trend-chart"
        kind="radios"
        small
        label={text.chart}
        options={(['line', 'bar'] as const).map((kind) => ({ value: kind, label: text[kind], field: { name: 'chart', value: kind, checked: choice.chart === kind, onChange: () => setChoice({ ...choice, chart: kind }) } }))}
      />
      <Button type="submit" secondary>
        {text.submit}
      </Button>
    </form>
  );
}

/** The trend's figures as a table: the same numbers as the chart, for reading, copying and screen readers. */
function TrendTable({ trend }: { trend: TrendAnswer }) {
  return (
    <table class="govuk-table" data-testid="trend-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{text.tableCaption(trend.series)}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            {text.quarter}
          </th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">
            {text.value}
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {trend.points.map((point) => (
          <tr class="govuk-table__row" key={point.quarter}>
            <th scope="row" class="govuk-table__header">
              {point.label}
            </th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{cellWords(point.value, trend.threshold)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Any table's figure by quarter: chosen in a form, drawn as a chart with its table beside it and a summary in words. */
export function TrendsView({ api, answer, query, onShow, onSessionEnded }: { api: ConsoleApi; answer: FiguresAnswer; query: FiguresQuery; onShow: (choice: Choice) => void; onSessionEnded: () => void }) {
  const cell = trendChoice(answer, query);
  const key = cell ? `${query.period}\n${cell.table}\n${cell.row}\n${cell.column}` : '';
  const { state, reload } = useLoad(
    () => (cell ? api.figures.trend({ period: query.period, ...cell }) : Promise.resolve({ ok: true as const, value: undefined })),
    key,
    onSessionEnded,
  );
  if (!cell) return <p class="govuk-body">{text.noTables}</p>;
  return (
    <>
      <p class="govuk-body">{text.intro}</p>
      <TrendForm key={key} answer={answer} initial={{ ...cell, chart: query.chart }} onShow={onShow} />
      {state.kind === 'loading' ? <Loading text={text.loading} /> : null}
      {state.kind === 'failed' ? <LoadFailed failure={state.failure} text={text.failed} retry={text.retry} onRetry={() => void reload()} /> : null}
      {state.kind === 'loaded' && state.value ? <TrendResult trend={state.value} kind={query.chart} /> : null}
    </>
  );
}

function TrendResult({ trend, kind }: { trend: TrendAnswer; kind: ChartKind }) {
  const summary = trendSummary(trend);
  return (
    <section aria-labelledby="trend-heading" data-testid="trend">
      <h3 class="govuk-heading-m" id="trend-heading">
        {trend.title}: {trend.series}
      </h3>
      <p class="govuk-body-l" data-testid="trend-summary">
        {summary}
      </p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <TrendChart key={`${trend.table}\n${trend.series}\n${kind}`} trend={trend} kind={kind} summary={summary} />
        </div>
        <div class="govuk-grid-column-one-third">
          <TrendTable trend={trend} />
        </div>
      </div>
    </section>
  );
}
