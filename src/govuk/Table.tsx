import type { ComponentChildren } from 'preact';

export interface TableColumn {
  header: ComponentChildren;
  /** Figures: right-aligned, in tabular numerals, so they line up. */
  numeric?: boolean;
}

export interface TableRow {
  /** Stable identity of the row. */
  id: string;
  /** One cell per column, in the columns' order. */
  cells: readonly ComponentChildren[];
}

export interface TableProps {
  caption: ComponentChildren;
  /** The caption's size, as a heading of that size would be. */
  captionSize?: 's' | 'm' | 'l' | 'xl';
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  /** The first cell of each row names the row (`th scope="row"`). */
  firstCellIsHeader?: boolean;
  'data-testid'?: string;
}

/** GOV.UK table, with its caption, column headers and, if asked, row headers. */
export function Table({ caption, captionSize = 'm', columns, rows, firstCellIsHeader = false, 'data-testid': testId }: TableProps) {
  /** A GOV.UK table class, with its numeric modifier in a column of figures. */
  const cellClass = (base: 'govuk-table__header' | 'govuk-table__cell', index: number) => `${base}${columns[index]?.numeric ? ` ${base}--numeric` : ''}`;
  return (
    <table class="govuk-table" data-testid={testId}>
      <caption class={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {columns.map((column, index) => (
            <th scope="col" class={cellClass('govuk-table__header', index)} key={index}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((row) => (
          <tr class="govuk-table__row" key={row.id}>
            {row.cells.map((cell, index) =>
              firstCellIsHeader && index === 0 ? (
                <th scope="row" class={cellClass('govuk-table__header', index)} key={index}>
                  {cell}
                </th>
              ) : (
                <td class={cellClass('govuk-table__cell', index)} key={index}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
