// @vitest-environment happy-dom
// The Figures screen's period and filters live in the address: read and written back unchanged, picked
// with a quarter, a year or two UK dates (with errors that say what to do), and followed by back and forward.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FiguresPage } from '../../src/console/figures/FiguresPage.tsx';
import { figuresSearch, readFiguresQuery, type FiguresQuery } from '../../src/console/figures/figures-query.ts';
import { lastCompleteQuarter, periodFromForm, quarterChoices } from '../../src/console/figures/period.ts';
import { createConsoleApi } from '../../src/console/shell/api.ts';
import { answerFor } from './figures-fixture.ts';

const NOW = new Date('2023-02-10T10:00:00Z');

function fakeServer() {
  const asked: string[] = [];
  const api = createConsoleApi({
    now: () => NOW,
    fetch: async (input) => {
      const url = new URL(String(input), 'http://console.test');
      asked.push(url.pathname + url.search);
      const period = url.searchParams.get('period') ?? '';
      return new Response(JSON.stringify(answerFor(period, `the period ${period}`)), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { api, asked };
}

const renderPage = (search: string) => {
  history.replaceState(null, '', `/console/figures${search}`);
  const server = fakeServer();
  const view = render(<FiguresPage api={server.api} onSessionEnded={() => undefined} now={() => NOW} />);
  return { ...server, view };
};

/** Types into a box, or picks an option, as a person would; the screen redraws before the next step. */
function enter(element: HTMLInputElement | HTMLSelectElement, value: string) {
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

const shown = (view: ReturnType<typeof render>) => waitFor(() => view.getByTestId('period-shown').textContent);

beforeEach(() => history.replaceState(null, '', '/console/figures'));
afterEach(cleanup);

describe('filters in the address', () => {
  const period = fc.oneof(
    fc.tuple(fc.integer({ min: 2009, max: 2030 }), fc.integer({ min: 1, max: 4 })).map(([year, q]) => `${year}-Q${q}`),
    fc.integer({ min: 2009, max: 2030 }).map(String),
    fc.tuple(fc.date({ min: new Date('2009-04-01'), max: new Date('2030-12-31'), noInvalidDate: true }), fc.date({ min: new Date('2009-04-01'), max: new Date('2030-12-31'), noInvalidDate: true })).map(([a, b]) => `${a.toISOString().slice(0, 10)}..${b.toISOString().slice(0, 10)}`),
  );
  const name = fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined });
  const query: fc.Arbitrary<FiguresQuery> = fc.record({ period, view: fc.constantFrom('tables', 'trends', 'map'), table: name, row: name, column: name, chart: fc.constantFrom('line', 'bar') });

  it('reads back every view exactly as it was written, whatever the names hold', () => {
    fc.assert(
      fc.property(query, (written) => {
        const read = readFiguresQuery(`?${figuresSearch(written).toString()}`, NOW);
        expect(read).toEqual(Object.fromEntries(Object.entries(written).filter(([, value]) => value !== undefined)));
      }),
    );
  });

  it('falls back to the last complete quarter and its tables for an address it cannot read', () => {
    expect(readFiguresQuery('?period=last-week&view=pie&chart=3d', NOW)).toEqual({ period: '2022-Q4', view: 'tables', chart: 'line' });
    expect([lastCompleteQuarter(new Date('2023-04-01T00:30:00+01:00')), lastCompleteQuarter(new Date('2023-03-31T22:59:00Z'))]).toEqual(['2023-Q1', '2022-Q4']);
  });

  it('offers every quarter from the first, April to June 2009, to the current one, newest first', () => {
    const choices = quarterChoices(NOW);
    expect(choices[0]).toEqual({ value: '2023-Q1', text: '2023 Q1: January to March 2023' });
    expect(choices.at(-1)).toEqual({ value: '2009-Q2', text: '2009 Q2: April to June 2009' });
    expect(choices).toHaveLength(56);
  });
});

describe('the period picker', () => {
  it('puts a chosen year in the address, asks the server for it, and goes back to the quarter with the back button', async () => {
    const { view, asked } = renderPage('?period=2022-Q4');
    expect(await shown(view)).toBe('Showing the period 2022-Q4');
    fireEvent.click(view.getByLabelText('A calendar year'));
    enter(view.getByLabelText('Year') as HTMLSelectElement, '2021');
    fireEvent.submit(view.getByTestId('period-picker'));
    expect(location.search).toBe('?period=2021');
    await waitFor(() => expect(view.getByTestId('period-shown').textContent).toBe('Showing the period 2021'));
    history.back();
    await waitFor(() => expect(view.getByTestId('period-shown').textContent).toBe('Showing the period 2022-Q4'));
    expect((view.getByLabelText('Quarter') as HTMLSelectElement).value).toBe('2022-Q4');
    history.forward();
    await waitFor(() => expect(view.getByTestId('period-shown').textContent).toBe('Showing the period 2021'));
    expect(asked).toEqual(['/api/v1/figures/tables?period=2022-Q4', '/api/v1/figures/tables?period=2021', '/api/v1/figures/tables?period=2022-Q4', '/api/v1/figures/tables?period=2021']);
  });

  it('takes two UK dates, day month year, and keeps the view the analyst was on', async () => {
    const { view } = renderPage('?period=2022-Q4&view=map');
    await shown(view);
    fireEvent.click(view.getByLabelText('Dates from and to'));
    const from = view.getByTestId('period-picker').querySelectorAll<HTMLInputElement>('#period-from, #period-from-month, #period-from-year');
    const to = view.getByTestId('period-picker').querySelectorAll<HTMLInputElement>('#period-to, #period-to-month, #period-to-year');
    ['1', '2', '2022'].forEach((value, index) => enter(from[index]!, value));
    ['31', '7', '2022'].forEach((value, index) => enter(to[index]!, value));
    fireEvent.submit(view.getByTestId('period-picker'));
    expect(location.search).toBe('?period=2022-02-01..2022-07-31&view=map');
    await waitFor(() => expect(view.getByTestId('period-shown').textContent).toBe('Showing the period 2022-02-01..2022-07-31'));
    expect([...from].map((input) => input.value)).toEqual(['1', '2', '2022']);
  });

  it('says what to fix, in a summary linked to each date, and stays on the period shown', async () => {
    const { view, asked } = renderPage('?period=2022-Q4');
    await shown(view);
    fireEvent.click(view.getByLabelText('Dates from and to'));
    enter(view.getByTestId('period-picker').querySelector<HTMLInputElement>('#period-from')!, '31');
    enter(view.getByTestId('period-picker').querySelector<HTMLInputElement>('#period-from-month')!, '2');
    enter(view.getByTestId('period-picker').querySelector<HTMLInputElement>('#period-from-year')!, '2022');
    fireEvent.submit(view.getByTestId('period-picker'));
    const summary = await waitFor(() => view.container.querySelector<HTMLElement>('.govuk-error-summary')!);
    expect(document.activeElement).toBe(summary);
    expect([...summary.querySelectorAll('a')].map((link) => [link.getAttribute('href'), link.textContent])).toEqual([
      ['#period-from', 'The first day of the period must be a real date, like 1 1 2022'],
      ['#period-to', 'Enter the last day of the period'],
    ]);
    expect(view.container.querySelector('#period-from-error')?.textContent).toBe('Error: The first day of the period must be a real date, like 1 1 2022');
    expect(location.search).toBe('?period=2022-Q4');
    expect(asked).toHaveLength(1);
  });

  it('checks each date as GOV.UK asks: what is missing, what is not real, too early, or in the wrong order', () => {
    const form = (from: [string, string, string], to: [string, string, string]) => ({
      kind: 'range' as const,
      quarter: '2022-Q4',
      year: '2022',
      from: { day: from[0], month: from[1], year: from[2] },
      to: { day: to[0], month: to[1], year: to[2] },
    });
    const messages = (from: [string, string, string], to: [string, string, string]) => {
      const checked = periodFromForm(form(from, to));
      return checked.ok ? checked.param : checked.errors.map((error) => `${error.field}: ${error.message}`);
    };
    expect(messages(['1', '', ''], ['', '6', '2022'])).toEqual(['from: The first day of the period must include a month and year', 'to: The last day of the period must include a day']);
    expect(messages(['1', '1', '22'], ['29', '2', '2023'])).toEqual(['from: The first day of the period must be a real date, like 1 1 2022', 'to: The last day of the period must be a real date, like 1 1 2022']);
    expect(messages(['31', '3', '2009'], ['1', '4', '2009'])).toEqual(['from: The first day of the period must be 1 April 2009 or later (when the National Referral Mechanism began)']);
    expect(messages(['1', '7', '2022'], ['30', '6', '2022'])).toEqual(['to: The last day of the period must be the same as or after the first day']);
    expect(messages([' 29 ', '2', '2024'], ['29', '2', '2024'])).toBe('2024-02-29..2024-02-29');
  });
});
