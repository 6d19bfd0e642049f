import { useState } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { Select } from '../../govuk/Select.tsx';
import type { FigureCell, FiguresAnswer, FigureTable } from '../../shared/figures/figures-contract.ts';
import { formatCount } from '../shell/format.ts';
import { figuresContent } from './content.ts';
import { cellWords } from './FigureTableView.tsx';
import { FORCE_TILES, GRID_COLUMNS, GRID_ROWS } from './force-grid.ts';

const text = figuresContent.map;

/** The server's table that the map is drawn from: rows are police force areas, by name. */
export const WHERE_TABLE = 'where-by-police-force-area';

const TILE = 60;
const GAP = 4;

/** Light to dark: black words on the light two, white on the dark three (each at least 4.5:1). */
const SHADES = [
  { fill: '#d2e2f1', ink: '#0b0c0c' },
  { fill: '#8eb8dc', ink: '#0b0c0c' },
  { fill: '#4c8cc9', ink: '#0b0c0c' },
  { fill: '#1d70b8', ink: '#ffffff' },
  { fill: '#003078', ink: '#ffffff' },
] as const;

export interface Band {
  from: number;
  to: number;
  shade: (typeof SHADES)[number];
}

/** Five equal bands from 1 to the highest count shown (fewer when the counts are few). */
export function bands(values: readonly number[]): Band[] {
  const highest = Math.max(0, ...values);
  if (highest === 0) return [];
  const count = Math.min(SHADES.length, highest);
  const width = highest / count;
  return SHADES.slice(SHADES.length - count).map((shade, index) => ({ from: index === 0 ? 1 : Math.floor(width * index) + 1, to: index === count - 1 ? highest : Math.floor(width * (index + 1)), shade }));
}

type TileLook = { fill: string; ink: string; words: string; short: string };

function look(cell: FigureCell | undefined, shades: readonly Band[], threshold: number): Omit<TileLook, 'short'> {
  if (cell === undefined) return { fill: '#ffffff', ink: '#0b0c0c', words: '–' };
  if (cell === 'suppressed') return { fill: 'url(#map-suppressed)', ink: '#0b0c0c', words: `<${threshold}` };
  if (cell === 0) return { fill: '#ffffff', ink: '#0b0c0c', words: '0' };
  const band = shades.find((candidate) => cell <= candidate.to) ?? shades[shades.length - 1];
  return { fill: band?.shade.fill ?? '#ffffff', ink: band?.shade.ink ?? '#0b0c0c', words: formatCount(cell) };
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg class="app-figures-map__swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="18" height="18" fill={fill} stroke="#505a5f" stroke-width="1" />
    </svg>
  );
}

/** Hidden counts are striped, so they differ from the shades by more than colour (the key's swatches use it too). */
function Stripes() {
  return (
    <defs>
      <pattern id="map-suppressed" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#ffffff" />
        <rect width="3" height="8" fill="#b1b4b6" />
      </pattern>
    </defs>
  );
}

function TileMap({ table, column, answer }: { table: FigureTable; column: number; answer: FiguresAnswer }) {
  const cells = new Map(table.rows.filter((row) => !row.total).map((row) => [row.key, row.cells[column]]));
  // Shaded against the squares alone: a row with no place ("not specified") must not stretch the key.
  const shades = bands(FORCE_TILES.map((tile) => cells.get(tile.name)).filter((cell): cell is number => typeof cell === 'number'));
  const columnLabel = table.columns[column]?.label ?? '';
  const offMap = table.rows.filter((row) => !row.total && !FORCE_TILES.some((tile) => tile.name === row.key));
  return (
    <>
      <svg class="app-figures-map__svg" viewBox={`0 0 ${GRID_COLUMNS * TILE} ${GRID_ROWS * TILE}`} role="img" aria-label={text.label(columnLabel, answer.period.label)} data-testid="force-map">
        <Stripes />
        {FORCE_TILES.map((tile) => {
          const seen = look(cells.get(tile.name), shades, answer.threshold);
          const [x, y] = [tile.column * TILE + GAP / 2, tile.row * TILE + GAP / 2];
          return (
            <g key={tile.name} data-force={tile.name}>
              <title>{`${tile.name}: ${cells.has(tile.name) ? cellWords(cells.get(tile.name) ?? 0, answer.threshold) : '–'}`}</title>
              <rect x={x} y={y} width={TILE - GAP} height={TILE - GAP} fill={seen.fill} stroke="#505a5f" stroke-width="1" />
              <text x={x + (TILE - GAP) / 2} y={y + 24} text-anchor="middle" font-size="14" font-weight="700" fill={seen.ink}>
                {tile.short}
              </text>
              <text x={x + (TILE - GAP) / 2} y={y + 44} text-anchor="middle" font-size="13" fill={seen.ink}>
                {seen.words}
              </text>
            </g>
          );
        })}
      </svg>
      <h3 class="govuk-heading-s govuk-!-margin-top-4 govuk-!-margin-bottom-2">{text.legend}</h3>
      <ul class="govuk-list app-figures-map__legend">
        <li>
          <Swatch fill="#ffffff" /> {text.legendNone}
        </li>
        {answer.threshold > 0 ? (
          <li>
            <Swatch fill="url(#map-suppressed)" /> {text.legendSuppressed(answer.threshold)}
          </li>
        ) : null}
        {shades.map((band) => (
          <li key={band.from}>
            <Swatch fill={band.shade.fill} /> {text.range(formatCount(band.from), formatCount(band.to))}
          </li>
        ))}
      </ul>
      {offMap.length > 0 ? (
        <p class="govuk-body-s">
          {text.offMap}: {offMap.map((row) => `${row.label} (${cellWords(row.cells[column] ?? 0, answer.threshold)})`).join('; ')}
        </p>
      ) : null}
    </>
  );
}

/** The map's figures as a table beside it: every area, with the same words for hidden counts. */
function MapTable({ table, column, answer }: { table: FigureTable; column: number; answer: FiguresAnswer }) {
  const columnLabel = table.columns[column]?.label ?? '';
  return (
    <table class="govuk-table" data-testid="force-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{text.tableCaption(columnLabel, answer.period.label)}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            {table.rowHeading || text.area}
          </th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">
            {columnLabel}
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {table.rows.map((row) => (
          <tr class={`govuk-table__row${row.total ? ' app-figures-total' : ''}`} key={row.key}>
            <th scope="row" class="govuk-table__header">
              {row.label}
            </th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{cellWords(row.cells[column] ?? 0, answer.threshold)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where exploitation happened, on a tile map of the UK's police force areas, with its table beside it. */
export function MapView({ answer, column, onColumn }: { answer: FiguresAnswer; column: string | undefined; onColumn: (column: string) => void }) {
  const table = answer.tables.find((candidate) => candidate.id === WHERE_TABLE);
  const fallback = table ? (table.columns.find((candidate) => /total/i.test(candidate.key)) ?? table.columns[table.columns.length - 1]) : undefined;
  const chosen = table?.columns.find((candidate) => candidate.key === column) ?? fallback;
  const [choice, setChoice] = useState(chosen?.key ?? '');
  if (!table || !chosen) return <p class="govuk-body">{text.missing}</p>;
  const index = table.columns.indexOf(chosen);
  return (
    <section aria-labelledby="map-heading">
      <h3 class="govuk-heading-m" id="map-heading">
        {text.heading}
      </h3>
      <p class="govuk-body">{text.intro}</p>
      <form
        method="get"
        action=""
        class="app-figures-chooser"
        onSubmit={(event) => {
          event.preventDefault();
          onColumn(choice);
        }}
      >
        <Select id="map-column" label={text.column} options={table.columns.map((candidate) => ({ value: candidate.key, text: candidate.label }))} field={{ name: 'column', value: choice, onChange: setChoice }} />
        <Button type="submit" secondary>
          {text.submit}
        </Button>
      </form>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half app-figures-map">
          <TileMap table={table} column={index} answer={answer} />
        </div>
        <div class="govuk-grid-column-one-half">
          <MapTable table={table} column={index} answer={answer} />
        </div>
      </div>
    </section>
  );
}
