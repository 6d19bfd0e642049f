import type { ComponentChildren } from 'preact';

export interface SummaryListRow {
  /** What the row is about (GOV.UK's "key"). */
  key: ComponentChildren;
  value: ComponentChildren;
  /** A change or remove link, or button, for this row. */
  actions?: ComponentChildren;
  /** Stable identity of the row, if its key is not a string that is unique in the list. */
  id?: string;
  /** More classes on the key's `dt` or the value's `dd` (text wrapping), with no leading space. */
  keyClass?: string;
  valueClass?: string;
}

export interface SummaryListProps {
  rows: readonly SummaryListRow[];
  /** More classes on the list (spacing overrides), with no leading space. */
  class?: string;
  'data-testid'?: string;
}

/** GOV.UK summary list: keys and their values, one row each, as a description list. */
export function SummaryList({ rows, class: extra, 'data-testid': testId }: SummaryListProps) {
  return (
    <dl class={`govuk-summary-list${extra ? ` ${extra}` : ''}`} data-testid={testId}>
      {rows.map((row, index) => (
        <div class="govuk-summary-list__row" key={row.id ?? (typeof row.key === 'string' ? row.key : index)}>
          <dt class={`govuk-summary-list__key${row.keyClass ? ` ${row.keyClass}` : ''}`}>{row.key}</dt>
          <dd class={`govuk-summary-list__value${row.valueClass ? ` ${row.valueClass}` : ''}`}>{row.value}</dd>
          {row.actions ? <dd class="govuk-summary-list__actions">{row.actions}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
