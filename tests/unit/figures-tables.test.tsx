// @vitest-environment happy-dom
// The Figures screen's tables against a faked server: GOV.UK tables with hidden counts in words, totals
// in bold and notes under them; long tables folded; the table chooser in the address; each table's CSV
// and the period's spreadsheet, made in the browser and read back.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { read, utils } from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOM, tableCsv } from '../../src/console/figures/csv.ts';
import { FiguresPage } from '../../src/console/figures/FiguresPage.tsx';
import { SPREADSHEET_TYPE, sheetNames } from '../../src/console/figures/spreadsheet.ts';
import { createConsoleApi } from '../../src/console/shell/api.ts';
import { answer } from './figures-fixture.ts';

const NOW = new Date('2023-02-10T10:00:00Z');

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

/** A server that answers the figures route with the fixture; every address asked is kept. */
function fakeServer() {
  const asked: string[] = [];
  const api = createConsoleApi({
    now: () => NOW,
    fetch: async (input) => {
      asked.push(String(input));
      return new URL(String(input), 'http://console.test').pathname === '/api/v1/figures/tables' ? json(200, answer) : json(404, { type: 'x', title: 'Not here', status: 404, code: 'not-found' });
    },
  });
  return { api, asked };
}

/** Files handed to the browser's download: their names and contents. */
function downloads() {
  const saved: { name: string; blob: Blob }[] = [];
  let last: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    last = blob as Blob;
    return 'blob:figures';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) saved.push({ name: this.download, blob: last });
  });
  return saved;
}

/** A sheet's row as written: the blank cells a sheet pads it with to its widest row, taken off. */
function withoutTrailingBlanks(row: unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end -= 1;
  return row.slice(0, end);
}

const renderPage = (search: string) => {
  history.replaceState(null, '', `/console/figures${search}`);
  const server = fakeServer();
  const view = render(<FiguresPage api={server.api} onSessionEnded={() => undefined} now={() => NOW} />);
  return { ...server, view };
};

beforeEach(() => history.replaceState(null, '', '/console/figures'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the tables of a period', () => {
  it('draws each table as a GOV.UK table: caption, numeric columns, totals in bold, hidden counts in words, notes below', async () => {
    const { view, asked } = renderPage('?period=2022-Q4');
    const box = await waitFor(() => view.getByTestId('figure-table-referrals-by-age-and-location'));
    expect(asked).toEqual(['/api/v1/figures/tables?period=2022-Q4']);
    expect(view.getByTestId('period-shown').textContent).toBe('Showing October to December 2022');
    const table = box.querySelector('table')!;
    expect(table.querySelector('caption')?.textContent).toBe('NRM referrals by age at exploitation and location of exploitation, October to December 2022');
    expect([...table.querySelectorAll('thead th')].map((th) => th.className)).toEqual([
      'govuk-table__header',
      ...Array.from({ length: 5 }, () => 'govuk-table__header govuk-table__header--numeric'),
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Adult (18 or over)', '1,210', '640', '118', 'fewer than 5', 'fewer than 5'],
      ['Child (17 or under)', '1,502', '95', '61', 'fewer than 5', 'fewer than 5'],
      ['Age not specified or unknown', '0', '12', '0', '0', '12'],
      ['Total', '2,712', '747', '179', '9', '3,647'],
    ]);
    expect(rows.map((row) => row.classList.contains('app-figures-total'))).toEqual([false, false, false, true]);
    expect(rows[0]!.children[1]!.className).toBe('govuk-table__cell govuk-table__cell--numeric');
    const notes = box.querySelector(`#${table.getAttribute('aria-describedby')}`)!;
    expect([...notes.querySelectorAll('li')].map((li) => li.textContent)).toEqual(answer.tables[0]!.notes);
    expect(box.querySelector('[role="region"]')?.getAttribute('tabindex')).toBe('0');
    expect(view.getByTestId('suppression-note').textContent).toMatch(/Counts below 5 are shown as "fewer than 5"/);
  });

  it('folds a long table under its title, drawn only once opened, and opens the short ones', async () => {
    const { view } = renderPage('?period=2022-Q4');
    await waitFor(() => view.getByTestId('figure-table-referrals-by-age-and-location'));
    const open = (id: string) => (view.getByTestId(`details-${id}`) as HTMLDetailsElement).open;
    expect([open('referrals-by-age-and-location'), open('where-by-police-force-area'), open('referrals-by-first-responder-organisation')]).toEqual([true, false, false]);
    const folded = view.getByTestId('details-referrals-by-first-responder-organisation');
    expect(folded.querySelector('summary')?.textContent).toBe('NRM referrals by first responder organisation and exploitation category (41 rows)');
    expect(folded.querySelector('table')).toBeNull();
    act(() => {
      (folded as HTMLDetailsElement).open = true;
      folded.dispatchEvent(new Event('toggle'));
    });
    await waitFor(() => expect(folded.querySelectorAll('tbody tr')).toHaveLength(41));
  });

  it('shows one chosen table alone, with the choice in the address (and back to all)', async () => {
    const { view } = renderPage('?period=2022-Q4');
    const select = await waitFor(() => view.getByLabelText('Table') as HTMLSelectElement);
    act(() => {
      select.value = 'referrals-by-first-responder-organisation';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    fireEvent.submit(select.closest('form')!);
    expect(location.search).toBe('?period=2022-Q4&table=referrals-by-first-responder-organisation');
    await waitFor(() => expect(view.container.querySelectorAll('table')).toHaveLength(1));
    expect(view.queryByTestId('details-referrals-by-first-responder-organisation')).toBeNull();
    expect(view.getByTestId('figure-table-referrals-by-first-responder-organisation').querySelectorAll('tbody tr')).toHaveLength(41);
    history.back();
    await waitFor(() => expect(view.container.querySelectorAll('details')).toHaveLength(3));
    expect(view.container.querySelectorAll('table')).toHaveLength(1);
    expect(location.search).toBe('?period=2022-Q4');
  });
});

describe('downloads', () => {
  it("makes each table's CSV: UTF-8 with a byte-order mark, the labels on screen, quoted where needed, never a formula", async () => {
    const saved = downloads();
    const { view } = renderPage('?period=2022-Q4');
    const folded = await waitFor(() => view.getByTestId('details-referrals-by-first-responder-organisation') as HTMLDetailsElement);
    act(() => {
      folded.open = true;
      folded.dispatchEvent(new Event('toggle'));
    });
    const box = await waitFor(() => view.getByTestId('figure-table-referrals-by-first-responder-organisation'));
    fireEvent.click(box.querySelector('button')!);
    expect(saved.map((file) => [file.name, file.blob.type])).toEqual([['referrals-by-first-responder-organisation_2022-Q4.csv', 'text/csv;charset=utf-8']]);
    const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['First responder organisation,Labour,Labour & Criminal,Total', '"Safe ""Home"", Leeds",12,fewer than 5,fewer than 5', "'=Not a formula,6,0,6"]);
    expect(lines.at(-2)).toBe('Total,1541,194,1735');
    expect(lines.at(-1)).toBe('');
    expect(tableCsv(answer.tables[0]!, 5).startsWith(`${BOM}Age at exploitation,UK,Overseas,UK and Overseas,Not specified or unknown,Total\r\nAdult (18 or over),1210,640,118,fewer than 5,fewer than 5\r\n`)).toBe(true);
  });

  it('makes the period one spreadsheet, a sheet per table, that reads back with the same labels and counts', async () => {
    const saved = downloads();
    const { view } = renderPage('?period=2022-Q4');
    fireEvent.click(await waitFor(() => view.getByRole('button', { name: 'Download every table as a spreadsheet (ODS)' })));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect([saved[0]!.name, saved[0]!.blob.type]).toEqual(['nrm-figures_2022-Q4.ods', SPREADSHEET_TYPE]);
    const book = read(new Uint8Array(await saved[0]!.blob.arrayBuffer()), { type: 'array' });
    expect(book.SheetNames).toEqual(['Contents', 'referrals-by-age-and-location', 'where-by-police-force-area', 'referrals-by-first-responder-or']);
    const rows = (name: string) => utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, blankrows: true, defval: null }).map(withoutTrailingBlanks);
    expect(rows('Contents').slice(3)).toEqual([['Sheet', 'Table'], ...answer.tables.map((table, index) => [sheetNames(answer.tables)[index], table.title])]);
    answer.tables.forEach((table, index) => {
      const data = rows(book.SheetNames[index + 1]!);
      expect(data.slice(0, 3)).toEqual([[`${table.title}, October to December 2022`], [], [table.rowHeading, ...table.columns.map((column) => column.label)]]);
      expect(data.slice(3, 3 + table.rows.length)).toEqual(table.rows.map((row) => [row.label, ...row.cells.map((cell) => (cell === 'suppressed' ? 'fewer than 5' : cell))]));
      expect(data.slice(4 + table.rows.length).map((line) => line[0])).toEqual(table.notes);
    });
  });

  it('names sheets within the 31 characters a workbook allows, none twice', () => {
    const long = { ...answer.tables[0]!, id: 'a-table-whose-identifier-runs-well-past-the-limit' };
    expect(sheetNames([long, long, { ...long, id: 'contents' }])).toEqual(['a-table-whose-identifier-runs-w', 'a-table-whose-identifier-runs-2', 'contents-2']);
  });
});
