import { describe, expect, it } from 'vitest';
import { daysBetweenInclusive, parsePeriod, previousPeriod, quarterLabel, quarterOf, quarterRange, quartersIn, trendRange } from '../../src/shared/figures/periods.ts';

describe('figures periods', () => {
  it('puts each month in its quarter', () => {
    expect(['2022-01-01', '2022-03-31', '2022-04-01', '2022-06-30', '2022-07-01', '2022-09-30', '2022-10-01', '2022-12-31'].map(quarterOf)).toEqual([
      '2022-Q1',
      '2022-Q1',
      '2022-Q2',
      '2022-Q2',
      '2022-Q3',
      '2022-Q3',
      '2022-Q4',
      '2022-Q4',
    ]);
  });

  it('gives a quarter its first and last day, leap years included', () => {
    expect(quarterRange('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterRange('2022-Q2')).toEqual({ from: '2022-04-01', to: '2022-06-30' });
    expect(quarterRange('2022-Q3')).toEqual({ from: '2022-07-01', to: '2022-09-30' });
    expect(quarterRange('2022-Q4')).toEqual({ from: '2022-10-01', to: '2022-12-31' });
    expect(quarterLabel('2022-Q4')).toBe('Oct to Dec 2022');
  });

  it('reads a quarter, a year and two dates', () => {
    expect(parsePeriod('2022-Q4')).toEqual({ param: '2022-Q4', label: 'October to December 2022', from: '2022-10-01', to: '2022-12-31' });
    expect(parsePeriod('2022')).toEqual({ param: '2022', label: 'January to December 2022', from: '2022-01-01', to: '2022-12-31' });
    expect(parsePeriod('2024-02-01..2024-02-29')).toEqual({ param: '2024-02-01..2024-02-29', label: '1 February 2024 to 29 February 2024', from: '2024-02-01', to: '2024-02-29' });
  });

  it('refuses what is not a period', () => {
    for (const bad of ['2022-Q5', '22', '2023-02-29..2023-03-01', '2022-06-30..2022-01-01', '2022-13-01..2022-13-02', 'last year', '']) expect(parsePeriod(bad)).toBeUndefined();
  });

  it('lists the quarters a period touches', () => {
    expect(quartersIn({ from: '2021-11-15', to: '2022-04-01' })).toEqual(['2021-Q4', '2022-Q1', '2022-Q2']);
    expect(quartersIn(quarterRange('2022-Q4'))).toEqual(['2022-Q4']);
  });

  it('finds the period before: the quarter, the year, or as many days', () => {
    expect(previousPeriod(parsePeriod('2022-Q1')!)).toEqual({ from: '2021-10-01', to: '2021-12-31' });
    expect(previousPeriod(parsePeriod('2022-Q4')!)).toEqual({ from: '2022-07-01', to: '2022-09-30' });
    expect(previousPeriod(parsePeriod('2022')!)).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    const before = previousPeriod(parsePeriod('2024-03-01..2024-03-10')!);
    expect(before).toEqual({ from: '2024-02-20', to: '2024-02-29' });
    expect(daysBetweenInclusive(before)).toBe(10);
  });

  it('runs a single quarter’s trend over the seven quarters before it too, across years, and any other period over itself', () => {
    const quarter = trendRange(parsePeriod('2022-Q4')!);
    expect(quarter).toEqual({ from: '2021-01-01', to: '2022-12-31' });
    expect(quartersIn(quarter)).toHaveLength(8);
    expect(trendRange(parsePeriod('2023-Q1')!)).toEqual({ from: '2021-04-01', to: '2023-03-31' });
    expect(trendRange(parsePeriod('2022')!)).toEqual({ from: '2022-01-01', to: '2022-12-31' });
    expect(trendRange(parsePeriod('2022-02-10..2022-05-01')!)).toEqual({ from: '2022-02-10', to: '2022-05-01' });
  });
});
