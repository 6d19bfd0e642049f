import type { FigureCell, FigureTable } from '../../shared/figures/figures-contract.ts';
import { formatCount } from '../shell/format.ts';
import { figuresContent } from './content.ts';
import { fileName, tableCsv } from './csv.ts';
import { saveFile } from './save-file.ts';

const text = figuresContent.tables;

export function cellWords(cell: FigureCell, threshold: number): string {
  return cell === 'suppressed' ? figuresContent.suppressed(threshold) : formatCount(cell);
}

/**
 * One published table as a GOV.UK table: its caption, the rows' heading, counts right-aligned, totals in
 * bold, hidden counts in words, the publication's notes under it, and its CSV. A wide table scrolls
 * sideways inside its own box (which takes focus, so a keyboard can scroll it) rather than widening the page.
 */
export function FigureTableView({ table, period, periodLabel, threshold, captionSize = 'm' }: { table: FigureTable; period: string; periodLabel: string; threshold: number; captionSize?: 's' | 'm' }) {
  const caption = text.caption(table.title, periodLabel);
  const notesId = `${table.id}-notes`;
  return (
    <div class="app-figures-table" data-testid={`figure-table-${table.id}`}>
      <div class="app-table-scroll" role="region" aria-label={text.scrollLabel(table.title)} tabIndex={0}>
        <table class="govuk-table app-figures-table__table" aria-describedby={table.notes.length > 0 ? notesId : undefined}>
          <caption class={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {table.rowHeading}
              </th>
              {table.columns.map((column) => (
                <th scope="col" class="govuk-table__header govuk-table__header--numeric" key={column.key}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {table.rows.map((row) => (
              <tr class={`govuk-table__row${row.total ? ' app-figures-total' : ''}`} key={row.key}>
                <th scope="row" class="govuk-table__header">
                  {row.label}
                </th>
                {row.cells.map((cell, index) => (
                  <td class={`govuk-table__cell govuk-table__cell--numeric${cell === 'suppressed' ? ' app-figures-suppressed' : ''}`} key={table.columns[index]?.key ?? index}>
                    {cellWords(cell, threshold)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.notes.length > 0 ? (
        <div id={notesId} class="app-figures-notes">
          <p class="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">{text.notes}</p>
          <ol class="govuk-list govuk-list--number govuk-body-s">
            {table.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-6" data-module="govuk-button" onClick={() => saveFile(new Blob([tableCsv(table, threshold)], { type: 'text/csv;charset=utf-8' }), fileName(table.id, period, 'csv'))}>
        {text.csv}
        <span class="govuk-visually-hidden">{text.csvHidden(table.title)}</span>
      </button>
    </div>
  );
}
