// @vitest-environment happy-dom
// The tile map of police force areas: laid out as data in the repository, one square per area of the
// reference list, drawn from the table by police force area with hidden counts striped, and its table beside it.
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FiguresPage } from '../../src/console/figures/FiguresPage.tsx';
import { FORCE_TILES, GRID_COLUMNS, GRID_ROWS } from '../../src/console/figures/force-grid.ts';
import { bands } from '../../src/console/figures/MapView.tsx';
import { createConsoleApi } from '../../src/console/shell/api.ts';
import forces from '../../src/shared/reference/lists/police-forces.json';
import { referenceListSchema } from '../../src/shared/reference-lists.ts';
import { answer } from './figures-fixture.ts';

const NOW = new Date('2023-02-10T10:00:00Z');

const renderPage = (search: string) => {
  history.replaceState(null, '', `/console/figures${search}`);
  const api = createConsoleApi({ now: () => NOW, fetch: async () => new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } }) });
  return render(<FiguresPage api={api} onSessionEnded={() => undefined} now={() => NOW} />);
};

beforeEach(() => history.replaceState(null, '', '/console/figures'));
afterEach(cleanup);

describe('the tile map', () => {
  it('has one square for every police force area of the reference list, each in its own place on the grid', () => {
    const names = referenceListSchema.parse(forces).items.map((item) => item.value);
    expect(FORCE_TILES.map((tile) => tile.name).sort()).toEqual(names.filter((name) => name !== 'British Transport Police' && name !== 'National Police Air Service').sort());
    expect(new Set(FORCE_TILES.map((tile) => `${tile.column},${tile.row}`)).size).toBe(FORCE_TILES.length);
    expect(new Set(FORCE_TILES.map((tile) => tile.short)).size).toBe(FORCE_TILES.length);
    expect(FORCE_TILES.every((tile) => tile.column < GRID_COLUMNS && tile.row < GRID_ROWS)).toBe(true);
  });

  it('shades by five equal bands up to the highest count, fewer when the counts are few', () => {
    expect(bands([0, 3, 100]).map((band) => [band.from, band.to])).toEqual([
      [1, 20],
      [21, 40],
      [41, 60],
      [61, 80],
      [81, 100],
    ]);
    expect(bands([2, 1]).map((band) => [band.from, band.to, band.shade.fill])).toEqual([
      [1, 1, '#1d70b8'],
      [2, 2, '#003078'],
    ]);
    expect(bands([0])).toEqual([]);
  });

  it('draws each area with its count, hidden ones striped and in words, areas off the map listed, and the table beside it', async () => {
    const view = renderPage('?period=2022-Q4&view=map');
    const map = await waitFor(() => view.getByTestId('force-map'));
    expect(map.getAttribute('role')).toBe('img');
    expect(map.getAttribute('aria-label')).toBe('Map of the UK by police force area: Total, October to December 2022. The table beside the map has every figure.');
    const tile = (name: string) => map.querySelector(`[data-force="${name}"]`)!;
    const where = answer.tables[1]!;
    const hidden = where.rows[3]!.key;
    expect(tile(hidden).querySelector('rect')?.getAttribute('fill')).toBe('url(#map-suppressed)');
    expect(tile(hidden).querySelector('title')?.textContent).toBe(`${hidden}: fewer than 5`);
    expect([...tile(hidden).querySelectorAll('text')].map((text) => text.textContent)).toEqual([FORCE_TILES[3]!.short, '<5']);
    expect(tile('Kent Police').querySelector('title')?.textContent).toBe(`Kent Police: ${where.rows.find((row) => row.key === 'Kent Police')!.cells[1]}`);
    expect(tile(where.rows[5]!.key).querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(view.getByText(/Not a place on the map/).textContent).toBe('Not a place on the map: British Transport Police (7)');
    const table = view.getByTestId('force-table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(where.rows.length);
    expect(table.querySelector('tbody tr:last-child')?.className).toBe('govuk-table__row app-figures-total');
    expect([...table.querySelectorAll('tbody tr')][3]!.textContent).toBe(`${hidden}fewer than 5`);
  });

  it('shows another column when asked, with the choice in the address', async () => {
    const view = renderPage('?period=2022-Q4&view=map');
    const select = await waitFor(() => view.getByLabelText('Count to show') as HTMLSelectElement);
    act(() => {
      select.value = 'adult';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    fireEvent.submit(select.closest('form')!);
    expect(location.search).toBe('?period=2022-Q4&view=map&column=adult');
    await waitFor(() => expect(view.getByTestId('force-map').getAttribute('aria-label')).toMatch(/^Map of the UK by police force area: Adult \(18 or over\)/));
  });

  it('says so when the period has no table by police force area', async () => {
    history.replaceState(null, '', '/console/figures?view=map');
    const api = createConsoleApi({ now: () => NOW, fetch: async () => new Response(JSON.stringify({ ...answer, tables: [answer.tables[0]] }), { status: 200, headers: { 'content-type': 'application/json' } }) });
    const view = render(<FiguresPage api={api} onSessionEnded={() => undefined} now={() => NOW} />);
    await waitFor(() => view.getByText('This period has no table by police force area.'));
    expect(view.queryByTestId('force-map')).toBeNull();
  });
});
