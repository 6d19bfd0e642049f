// @vitest-environment happy-dom
// Trends: any table's figure by quarter, asked for with the choice in the address, summarised in words,
// drawn beside its own table, and stepped through with the arrow keys.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FiguresPage } from '../../src/console/figures/FiguresPage.tsx';
import { trendSummary } from '../../src/console/figures/trend-summary.ts';
import { createConsoleApi } from '../../src/console/shell/api.ts';
import type { TrendAnswer } from '../../src/shared/figures/figures-contract.ts';
import { answer, trend } from './figures-fixture.ts';

const NOW = new Date('2023-02-10T10:00:00Z');

function fakeServer() {
  const asked: string[] = [];
  const api = createConsoleApi({
    now: () => NOW,
    fetch: async (input) => {
      const url = new URL(String(input), 'http://console.test');
      asked.push(url.pathname + url.search);
      const body = url.pathname === '/api/v1/figures/trend' ? trend : answer;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
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

const points = (...values: (number | 'suppressed')[]): Pick<TrendAnswer, 'points' | 'threshold'> => ({
  threshold: 5,
  points: values.map((value, index) => ({ quarter: `2022-Q${index + 1}`, label: `2022 Q${index + 1}`, value })),
});

beforeEach(() => history.replaceState(null, '', '/console/figures'));
afterEach(cleanup);

describe('a trend in words', () => {
  it('says where it started and ended, its highest quarter between, and how many quarters are hidden', () => {
    expect(trendSummary(points(3012, 3323))).toBe('Rose from 3,012 in 2022 Q1 to 3,323 in 2022 Q2.');
    expect(trendSummary(points(3323, 3012))).toBe('Fell from 3,323 in 2022 Q1 to 3,012 in 2022 Q2.');
    expect(trendSummary(points(40, 40))).toBe('The same, 40, in 2022 Q1 and 2022 Q2.');
    expect(trendSummary(trend)).toBe('Rose from 3,012 in 2022 Q1 to 3,323 in 2022 Q4. The highest was 3,511 in 2022 Q3. In 1 quarter the figure was fewer than 5 and is not shown.');
    expect(trendSummary(points('suppressed', 12, 'suppressed'))).toBe('Only one quarter has a figure that can be shown: 12 in 2022 Q2. In 2 quarters the figure was fewer than 5 and is not shown.');
    expect(trendSummary(points())).toBe('No quarter in this period has a figure that can be shown.');
  });
});

describe('the trends view', () => {
  it("starts from the first table's total, asks for it by quarter, and shows the summary and the table beside the chart", async () => {
    const { view, asked } = renderPage('?period=2022-Q4&view=trends');
    const summary = await waitFor(() => view.getByTestId('trend-summary'));
    expect(asked).toEqual(['/api/v1/figures/tables?period=2022-Q4', '/api/v1/figures/trend?period=2022-Q4&table=referrals-by-age-and-location&row=total&column=total']);
    expect(summary.textContent).toBe(trendSummary(trend));
    const table = view.getByTestId('trend-table');
    expect([...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['2022 Q1', '3,012'],
      ['2022 Q2', 'fewer than 5'],
      ['2022 Q3', '3,511'],
      ['2022 Q4', '3,323'],
    ]);
    const canvas = view.getByTestId('trend-chart').querySelector('canvas')!;
    expect([canvas.getAttribute('role'), canvas.getAttribute('tabindex'), canvas.getAttribute('aria-label')]).toEqual(['img', '0', `Chart of Total, Total by quarter. ${trendSummary(trend)}`]);
    expect(view.getByRole('link', { name: 'Trends' }).getAttribute('aria-current')).toBe('page');
  });

  it('steps through the quarters with the arrow keys, Home and End, saying each one', async () => {
    const { view } = renderPage('?period=2022-Q4&view=trends');
    await waitFor(() => view.getByTestId('trend-summary'));
    const canvas = view.getByTestId('trend-chart').querySelector('canvas')!;
    const says = (words: string) => waitFor(() => expect(view.getByTestId('trend-point').textContent).toBe(words));
    expect(view.getByTestId('trend-point').getAttribute('aria-live')).toBe('polite');
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    await says('2022 Q1: 3,012');
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    await says('2022 Q2: fewer than 5');
    fireEvent.keyDown(canvas, { key: 'End' });
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    await says('2022 Q4: 3,323');
    fireEvent.keyDown(canvas, { key: 'ArrowLeft' });
    await says('2022 Q3: 3,511');
    fireEvent.keyDown(canvas, { key: 'Home' });
    await says('2022 Q1: 3,012');
  });

  it('puts the chosen table, row, column and chart in the address, and asks for that figure', async () => {
    const { view, asked } = renderPage('?period=2022-Q4&view=trends');
    await waitFor(() => view.getByTestId('trend-summary'));
    const pick = (label: string, value: string) =>
      act(() => {
        const select = view.getByLabelText(label) as HTMLSelectElement;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    pick('Table', 'where-by-police-force-area');
    expect((view.getByLabelText('Police force area') as HTMLSelectElement).value).toBe('total');
    pick('Police force area', 'Kent Police');
    pick('Column', 'adult');
    fireEvent.click(view.getByLabelText('Bars'));
    fireEvent.submit(view.getByRole('button', { name: 'Show trend' }).closest('form')!);
    expect(new URLSearchParams(location.search).toString()).toBe('period=2022-Q4&view=trends&table=where-by-police-force-area&row=Kent+Police&column=adult&chart=bar');
    await waitFor(() => expect(asked.at(-1)).toBe('/api/v1/figures/trend?period=2022-Q4&table=where-by-police-force-area&row=Kent+Police&column=adult'));
  });
});
