import type { TrendAnswer } from '../../shared/figures/figures-contract.ts';
import { formatCount } from '../shell/format.ts';
import { figuresContent } from './content.ts';

const text = figuresContent.summary;

/**
 * A trend in words, for everyone and first for those who cannot see the chart: where it started and
 * ended ("Rose from 3,012 in 2022 Q3 to 3,323 in 2022 Q4."), its highest quarter, and how many quarters
 * are hidden because their figure is too small to show.
 */
export function trendSummary(trend: Pick<TrendAnswer, 'points' | 'threshold'>): string {
  const shown = trend.points.filter((point): point is typeof point & { value: number } => point.value !== 'suppressed');
  const hidden = trend.points.length - shown.length;
  const sentences: string[] = [];
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (!first || !last) sentences.push(text.none);
  else if (first === last) sentences.push(text.one(formatCount(first.value), first.label));
  else {
    const [from, to] = [formatCount(first.value), formatCount(last.value)];
    if (last.value > first.value) sentences.push(text.rose(from, first.label, to, last.label));
    else if (last.value < first.value) sentences.push(text.fell(from, first.label, to, last.label));
    else sentences.push(text.same(from, first.label, last.label));
    const highest = shown.reduce((best, point) => (point.value > best.value ? point : best));
    if (shown.length > 2 && highest !== first && highest !== last) sentences.push(text.highest(formatCount(highest.value), highest.label));
  }
  if (hidden > 0) sentences.push(text.hidden(hidden, trend.threshold));
  return sentences.join(' ');
}
