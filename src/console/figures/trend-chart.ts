import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import type { ChartKind } from './figures-query.ts';

/**
 * Chart.js, with only the line and bar parts registered, so the chunk carries nothing else. Imported
 * only by TrendChart when a trend is on screen: the field app never loads it, and the console only on
 * the Figures screens.
 */
Chart.register(LineController, BarController, LineElement, PointElement, BarElement, CategoryScale, LinearScale, Tooltip);

const BLUE = '#1d70b8';
const DARK_BLUE = '#003078';
const whole = new Intl.NumberFormat('en-GB');

export interface TrendPoints {
  labels: readonly string[];
  /** null where the figure is hidden (too small to show): a gap, never a zero. */
  values: readonly (number | null)[];
  /** What the tooltip says for a point: its count, or that it is hidden. */
  words: readonly string[];
}

export interface TrendChartHandle {
  /** Points at one quarter as a pointer resting on it would, or at none. */
  show(index: number | undefined): void;
  destroy(): void;
}

/** Diagonal stripes over the colour, so bars are told apart by more than colour (and survive grey printing). */
function stripes(canvas: HTMLCanvasElement): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 10;
  tile.height = 10;
  const context = tile.getContext('2d');
  if (!context) return BLUE;
  context.fillStyle = BLUE;
  context.fillRect(0, 0, 10, 10);
  context.strokeStyle = '#ffffff';
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(0, 10);
  context.lineTo(10, 0);
  context.moveTo(-2, 2);
  context.lineTo(2, -2);
  context.moveTo(8, 12);
  context.lineTo(12, 8);
  context.stroke();
  return canvas.getContext('2d')?.createPattern(tile, 'repeat') ?? BLUE;
}

/** Throws where the browser cannot draw on a canvas: the caller then says so, and the table still has every figure. */
export function drawTrend(canvas: HTMLCanvasElement, points: TrendPoints, kind: ChartKind): TrendChartHandle {
  if (!canvas.getContext('2d')) throw new Error('This browser cannot draw on a canvas.');
  const font = { family: getComputedStyle(canvas).fontFamily, size: 14 };
  const data = [...points.values];
  const config: ChartConfiguration<'line' | 'bar', (number | null)[], string> = {
    type: kind,
    data: {
      labels: [...points.labels],
      datasets: [
        kind === 'bar'
          ? { type: 'bar', data, backgroundColor: stripes(canvas), borderColor: DARK_BLUE, borderWidth: 2, hoverBackgroundColor: DARK_BLUE }
          : { type: 'line', data, borderColor: BLUE, borderWidth: 3, pointStyle: 'rectRot', pointRadius: 6, pointHoverRadius: 9, pointBackgroundColor: DARK_BLUE, spanGaps: false },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // Figures, not a show: nothing moves, for anyone who asked their system for less motion and everyone else.
      animation: false,
      scales: {
        x: { ticks: { font, color: '#0b0c0c', maxRotation: 0, autoSkip: true }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { font, color: '#0b0c0c', precision: 0, callback: (value) => whole.format(Number(value)) }, grid: { color: '#b1b4b6' } },
      },
      plugins: {
        tooltip: {
          titleFont: font,
          bodyFont: font,
          displayColors: false,
          callbacks: { label: (item) => points.words[item.dataIndex] ?? '' },
        },
      },
    },
  };
  const chart = new Chart(canvas, config);
  return {
    show(index) {
      const active = index === undefined || points.values[index] === null ? [] : [{ datasetIndex: 0, index }];
      chart.setActiveElements(active);
      const element = active.length > 0 && index !== undefined ? chart.getDatasetMeta(0).data[index] : undefined;
      chart.tooltip?.setActiveElements(active, { x: element?.x ?? 0, y: element?.y ?? 0 });
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
