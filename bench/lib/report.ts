import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { limitOf, passes, type Budget, type Figure, type Unit } from './figure.ts';

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'B':
      return `${(value / 1000).toFixed(1)} KB`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 's':
      return `${value.toFixed(2)} s`;
    case 'score':
      return grouped.format(value);
    case 'req/s':
      return `${grouped.format(value)}/s`;
    case 'MB':
      return `${value.toFixed(0)} MB`;
    case 'count':
      return Number.isInteger(value) ? grouped.format(value) : value.toFixed(1);
  }
}

function formatBudget(budget: Budget | null, unit: Unit): string {
  if (!budget) return '—';
  return `${'max' in budget ? '≤' : '≥'} ${formatValue(limitOf(budget), unit)}`;
}

function formatMeasured(figure: Figure): string {
  const value = formatValue(figure.value, figure.unit);
  const { spread } = figure;
  if (!spread || spread.runs < 2) return value;
  return `${value} (${formatValue(spread.min, figure.unit)}–${formatValue(spread.max, figure.unit)}, n=${spread.runs})`;
}

const ratio = (a: number, b: number | null) => (b ? `${(a / b).toFixed(2)}×` : '—');

/** A Markdown table of one run, for the terminal (docs/performance.md is written from results.json by scripts/performance-doc.ts). */
export function renderTable(figures: readonly Figure[]): string {
  const rows = [
    ['figure', 'measured (median; min–max, runs)', 'budget', 'of limit', 'baseline (same run)', 'of baseline', 'result'],
    ...figures.map((figure) => {
      const pass = passes(figure);
      return [
        figure.label,
        formatMeasured(figure),
        formatBudget(figure.budget, figure.unit),
        figure.budget ? ratio(figure.value, limitOf(figure.budget)) : '—',
        figure.baseline === null ? '—' : `${formatValue(figure.baseline, figure.unit)}${figure.baselineLabel ? ` ${figure.baselineLabel}` : ''}`,
        ratio(figure.value, figure.baseline),
        pass === null ? 'info' : pass ? 'pass' : '**FAIL**',
      ];
    }),
  ];
  const lines = rows.map((cells) => `| ${cells.join(' | ')} |`);
  lines.splice(1, 0, `|${rows[0]?.map(() => '---').join('|')}|`);
  return lines.join('\n');
}

export interface ResultsFile {
  measuredAt: string;
  commit: string;
  /** `loadAverage`: the 1, 5 and 15-minute load averages when the run ended (other work on the same cores). */
  machine: { cpus: number; node: string; loadAverage?: number[] };
  /** Made with BENCH_QUICK=1 (small counts). */
  quick?: boolean;
  figures: (Pick<Figure, 'name' | 'label' | 'value' | 'unit' | 'budget' | 'baseline' | 'baselineLabel' | 'spread' | 'note'> & { pass: boolean | null })[];
}

export function writeResults(file: string, figures: readonly Figure[], context: Omit<ResultsFile, 'figures'>): void {
  const results: ResultsFile = {
    ...context,
    figures: figures.map(({ name, label, value, unit, budget, baseline, baselineLabel, spread, note }) => ({
      name,
      label,
      value,
      unit,
      budget,
      baseline,
      baselineLabel,
      spread,
      note,
      pass: passes({ name, label, value, unit, budget, baseline }),
    })),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
