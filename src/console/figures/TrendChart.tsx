import { useEffect, useRef, useState } from 'preact/hooks';
import type { TrendAnswer } from '../../shared/figures/figures-contract.ts';
import { figuresContent } from './content.ts';
import { cellWords } from './FigureTableView.tsx';
import type { ChartKind } from './figures-query.ts';
import type { TrendChartHandle } from './trend-chart.ts';

const text = figuresContent.trends;

/**
 * The trend drawn by Chart.js, loaded only now (never in the field app, nor before a trend is asked for).
 * The canvas is an image named by the summary; it takes focus, and the arrow keys step through the
 * quarters, each said aloud and written under the chart, for anyone who cannot point at a bar. Drawn
 * once: a new trend or kind of chart is a new TrendChart (its key).
 */
export function TrendChart({ trend, kind, summary }: { trend: TrendAnswer; kind: ChartKind; summary: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const handle = useRef<TrendChartHandle>(undefined);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [index, setIndex] = useState<number | undefined>(undefined);
  const words = trend.points.map((point) => cellWords(point.value, trend.threshold));

  useEffect(() => {
    let gone = false;
    import('./trend-chart.ts')
      .then(({ drawTrend }) => {
        if (gone || !canvas.current) return;
        handle.current = drawTrend(
          canvas.current,
          { labels: trend.points.map((point) => point.label), values: trend.points.map((point) => (point.value === 'suppressed' ? null : point.value)), words },
          kind,
        );
        setState('ready');
      })
      .catch(() => {
        if (!gone) setState('failed');
      });
    return () => {
      gone = true;
      handle.current?.destroy();
      handle.current = undefined;
    };
  }, [trend, kind]);

  const step = (event: KeyboardEvent) => {
    const last = trend.points.length - 1;
    if (last < 0) return;
    const moves: Record<string, number> = { ArrowRight: (index ?? -1) + 1, ArrowLeft: (index ?? 1) - 1, Home: 0, End: last };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const bounded = Math.min(Math.max(next, 0), last);
    setIndex(bounded);
    handle.current?.show(bounded);
  };

  const point = index === undefined ? undefined : trend.points[index];
  return (
    <figure class="app-figures-chart" data-testid="trend-chart">
      {state === 'failed' ? <p class="govuk-body">{text.chartFailed}</p> : null}
      <div class={`app-figures-chart__box${state === 'failed' ? ' app-figures-chart__box--hidden' : ''}`}>
        <canvas ref={canvas} role="img" aria-label={text.chartLabel(trend.series, summary)} aria-describedby="trend-keys" tabIndex={0} onKeyDown={step} onBlur={() => handle.current?.show(undefined)} />
      </div>
      {state === 'loading' ? (
        <p class="govuk-body" role="status">
          {text.chartLoading}
        </p>
      ) : null}
      <p class="govuk-hint govuk-!-margin-top-2" id="trend-keys">
        {text.keys}
      </p>
      <p class="govuk-body govuk-!-font-weight-bold app-figures-chart__point" aria-live="polite" data-testid="trend-point">
        {point ? text.point(point.label, words[index ?? 0] ?? '') : ''}
      </p>
    </figure>
  );
}
