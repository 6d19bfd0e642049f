// `npm run docs:performance`: writes the figures of the last `npm run bench` (bench/results.json) into
// docs/performance.md, between its two marker comments, so the document never holds hand-copied figures.
//
//   node --import tsx scripts/performance-doc.ts [results file]
//
// Only the section between the markers is rewritten; everything else in the document is left as it is.
// Without a results file (it is git-ignored, and only `npm run bench` writes it) this says so and exits 1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { limitOf, type Budget, type Unit } from '../bench/lib/figure.ts';
import { formatValue, type ResultsFile } from '../bench/lib/report.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DOC = resolve(ROOT, 'docs/performance.md');
const START = '<!-- figures:start -->';
const END = '<!-- figures:end -->';

/** The benchmarks `npm run bench` knows, by the first part of their figures' names (bench/run.ts). */
const BENCHES: Record<string, string> = {
  bundle: 'bundle',
  lighthouse: 'lighthouse',
  'offline-start': 'offline',
  'step-save': 'save',
  quality: 'quality',
  delivery: 'delivery',
  ingest: 'ingest',
  'signin-burst': 'signin',
  scaling: 'scaling',
  queue: 'queue',
  figures: 'figures',
  'evidence-link': 'evidence',
  taps: 'taps',
};

type ResultFigure = ResultsFile['figures'][number];

class Refusal extends Error {}

const UNITS: readonly Unit[] = ['B', 'ms', 's', 'score', 'req/s', 'MB', 'count'];

/** Reads the results file, checking the parts the table needs (an older or hand-edited file is refused, not guessed at). */
function readResults(file: string): ResultsFile {
  if (!existsSync(file)) {
    throw new Refusal(
      `No ${relative(ROOT, file) || file}: run \`npm run bench\` first (or \`npm run bench -- bundle\` for the quick part), then \`npm run docs:performance\`.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Refusal(`${file} is not JSON (${(error as Error).message}): run \`npm run bench\` again.`);
  }
  const results = parsed as Partial<ResultsFile>;
  if (typeof results.measuredAt !== 'string' || !Array.isArray(results.figures)) {
    throw new Refusal(`${file} has no measuredAt or figures: it was not written by \`npm run bench\`.`);
  }
  for (const figure of results.figures as unknown[]) {
    const f = figure as Partial<ResultFigure>;
    if (typeof f.name !== 'string' || typeof f.value !== 'number' || !UNITS.includes(f.unit as Unit)) {
      throw new Refusal(`${file} holds a figure without a name, a numeric value or a known unit: ${JSON.stringify(figure)}`);
    }
  }
  return results as ResultsFile;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function measured(figure: ResultFigure): string {
  const value = formatValue(figure.value, figure.unit);
  const { spread } = figure;
  if (!spread || spread.runs < 2) return value;
  return `${value} (${formatValue(spread.min, figure.unit)}–${formatValue(spread.max, figure.unit)}, n=${spread.runs})`;
}

function budgetText(budget: Budget | null, unit: Unit): string {
  if (!budget) return '—';
  return `${'max' in budget ? '≤' : '≥'} ${formatValue(limitOf(budget), unit)}`;
}

function result(figure: ResultFigure): string {
  if (figure.pass === null || figure.budget === null) return 'no budget';
  return figure.pass ? 'pass' : '**fail**';
}

function baselineText(figure: ResultFigure): string {
  if (figure.baseline === null || figure.baseline === undefined) return '—';
  const ratio = figure.baseline === 0 ? '' : `; ${(figure.value / figure.baseline).toFixed(2)}× of it`;
  return `${formatValue(figure.baseline, figure.unit)}${figure.baselineLabel ? ` ${figure.baselineLabel}` : ''}${ratio}`;
}

/** The Markdown that goes between the markers: what was measured, where, and the table. */
function renderFigures(results: ResultsFile): string {
  const { machine } = results;
  const where = [
    `commit ${results.commit ?? 'unknown'}`,
    machine ? `${machine.cpus} cores` : undefined,
    machine ? `Node ${machine.node.replace(/^v/, '')}` : undefined,
    machine?.loadAverage?.length ? `load average ${machine.loadAverage.map((load) => load.toFixed(2)).join(' / ')} (1 / 5 / 15 min) at the end of the run` : undefined,
    results.quick ? 'quick counts (`BENCH_QUICK=1`)' : undefined,
  ].filter(Boolean);
  const ran = new Set(results.figures.map((figure) => figure.name.split('.')[0] ?? ''));
  const missing = Object.entries(BENCHES).filter(([prefix]) => !ran.has(prefix)).map(([, bench]) => `\`${bench}\``);
  const over = results.figures.filter((figure) => figure.pass === false);

  const rows = [
    ['figure', 'value (median; min–max, runs)', 'budget', 'result', 'baseline (same run)'],
    ...results.figures.map((figure) => [figure.label ?? figure.name, measured(figure), budgetText(figure.budget, figure.unit), result(figure), baselineText(figure)]),
  ];
  const table = [`| ${rows[0]?.join(' | ')} |`, `|${rows[0]?.map(() => '---').join('|')}|`, ...rows.slice(1).map((cells) => `| ${cells.map(cell).join(' | ')} |`)];

  const lines = [
    '<!-- Written by `npm run docs:performance` from bench/results.json; edit the script, not these lines. -->',
    '',
    `Run of ${results.measuredAt.slice(0, 16).replace('T', ' ')} UTC: ${where.join(', ')}.`,
  ];
  if (missing.length > 0) lines.push('', `Not measured in this run (absent from its results): ${missing.join(', ')}.`);
  lines.push(
    '',
    over.length === 0 ? 'Every budget measured in this run was met.' : `Over budget in this run: ${over.map((figure) => figure.label ?? figure.name).join('; ')}.`,
    '',
    ...table,
  );
  const notes = new Map<string, string[]>();
  for (const figure of results.figures) if (figure.note) notes.set(figure.note, [...(notes.get(figure.note) ?? []), figure.label ?? figure.name]);
  if (notes.size > 0) {
    // Folded: the bundle's notes list every file counted, which would drown the table.
    lines.push('', '<details><summary>How these figures were taken</summary>', '');
    for (const [note, names] of notes) lines.push(`- ${names[0]}${names.length > 1 ? ` (and ${names.length - 1} more)` : ''}: ${note}`);
    lines.push('', '</details>');
  }
  return lines.join('\n');
}

/** The document with the section between the markers replaced. */
function replaceSection(document: string, section: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < 0 || end < start || document.indexOf(START, start + 1) >= 0) {
    throw new Refusal(`docs/performance.md must hold ${START} and then ${END}, once each: put them back where the figures go.`);
  }
  return `${document.slice(0, start + START.length)}\n${section}\n${document.slice(end)}`;
}

function main(): void {
  const file = resolve(process.cwd(), process.argv[2] ?? resolve(ROOT, 'bench/results.json'));
  const results = readResults(file);
  if (!existsSync(DOC)) throw new Refusal('There is no docs/performance.md to write the figures into.');
  const before = readFileSync(DOC, 'utf8');
  const after = replaceSection(before, renderFigures(results));
  writeFileSync(DOC, after);
  process.stdout.write(`docs/performance.md: ${results.figures.length} figures of the run of ${results.measuredAt}${after === before ? ' (unchanged)' : ''}\n`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  process.stderr.write(`performance-doc: ${error.message}\n`);
  process.exitCode = 1;
}
