import { useState } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { Select } from '../../govuk/Select.tsx';
import type { FiguresAnswer, FigureTable } from '../../shared/figures/figures-contract.ts';
import { figuresContent } from './content.ts';
import { fileName } from './csv.ts';
import { FigureTableView } from './FigureTableView.tsx';
import type { FiguresQuery } from './figures-query.ts';
import { saveFile } from './save-file.ts';

const text = figuresContent.tables;

/** A table of at most this many rows opens by itself; a longer one waits, folded, until asked for. */
const OPEN_UP_TO_ROWS = 12;

/** The whole period as one ODS file, made in this browser from the answer on screen (the library loads only now). */
function SpreadsheetDownload({ answer }: { answer: FiguresAnswer }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const download = async () => {
    if (state === 'busy') return;
    setState('busy');
    try {
      const { periodWorkbook } = await import('./spreadsheet.ts');
      saveFile(periodWorkbook(answer), fileName('nrm-figures', answer.period.param, 'ods'));
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div class="govuk-!-margin-bottom-6">
      <p class="govuk-hint" id="spreadsheet-hint">
        {text.spreadsheetHint}
      </p>
      <Button secondary onClick={() => void download()} ariaDisabled={state === 'busy'} class="govuk-!-margin-bottom-2">
        {state === 'busy' ? text.spreadsheetBusy : text.spreadsheet}
      </Button>
      {state === 'failed' ? (
        <p class="govuk-error-message" role="alert">
          {text.spreadsheetFailed}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A table under its title, open by itself when short. A folded table is drawn only once opened: the
 * first-responder tables run to tens of thousands of cells, which would slow every page for nothing.
 */
function FoldedTable({ table, answer }: { table: FigureTable; answer: FiguresAnswer }) {
  const [open, setOpen] = useState(table.rows.length <= OPEN_UP_TO_ROWS);
  return (
    <details class="govuk-details" open={open} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)} data-testid={`details-${table.id}`}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">
          {table.title} ({text.rows(table.rows.length)})
        </span>
      </summary>
      <div class="govuk-details__text app-figures-details">{open ? <FigureTableView table={table} period={answer.period.param} periodLabel={answer.period.label} threshold={answer.threshold} captionSize="s" /> : null}</div>
    </details>
  );
}

/**
 * Every table of the period. Long ones (the first-responder breakdown runs to hundreds of rows) stay
 * folded under their titles; the chooser shows one table alone, and puts it in the address.
 */
export function TablesView({ answer, query, onChoose }: { answer: FiguresAnswer; query: FiguresQuery; onChoose: (table: string | undefined) => void }) {
  const [choice, setChoice] = useState(query.table ?? '');
  if (answer.tables.length === 0) return <p class="govuk-body">{text.none}</p>;
  const chosen = answer.tables.find((table) => table.id === query.table);
  const shown = chosen ? [chosen] : answer.tables;
  return (
    <>
      <SpreadsheetDownload answer={answer} />
      <form
        method="get"
        action=""
        class="app-figures-chooser"
        onSubmit={(event) => {
          event.preventDefault();
          onChoose(choice || undefined);
        }}
      >
        <Select id="table-choice" label={text.chooser} options={[{ value: '', text: text.all }, ...answer.tables.map((table) => ({ value: table.id, text: table.title }))]} field={{ name: 'table', value: choice, onChange: setChoice }} />
        <Button type="submit" secondary>
          {text.show}
        </Button>
      </form>
      {shown.map((table) =>
        chosen ? (
          <FigureTableView key={table.id} table={table} period={answer.period.param} periodLabel={answer.period.label} threshold={answer.threshold} />
        ) : (
          <FoldedTable key={table.id} table={table} answer={answer} />
        ),
      )}
    </>
  );
}
