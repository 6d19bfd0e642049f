import { z } from 'zod';

/**
 * The figures an analyst sees, as the server sends them: every table already suppressed (a hidden count
 * never reaches the browser), with the Home Office's own row and column labels so the console, the CSV
 * and the spreadsheet say the same thing.
 */
export const FIGURES_PATHS = {
  /** GET ?period=…: every table for one period. */
  tables: '/api/v1/figures/tables',
  /** GET ?period=…&table=…&row=…&column=…: one table's figure, quarter by quarter, for a chart. */
  trend: '/api/v1/figures/trend',
} as const;

/**
 * A period as it sits in the address: a quarter (`2022-Q4`), a year (`2022`) or UK days from–to
 * (`2022-01-01..2022-06-30`). The server turns it into days; anything else is a 400 saying which forms work.
 */
export const periodParamSchema = z
  .string()
  .regex(/^(\d{4}-Q[1-4]|\d{4}|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/, 'Pick a quarter (2022-Q4), a year (2022) or two dates (2022-01-01..2022-06-30)');

export const figuresQuerySchema = z.strictObject({ period: periodParamSchema });
export const trendQuerySchema = z.strictObject({
  period: periodParamSchema,
  table: z.string().min(1).max(80),
  row: z.string().min(1).max(200),
  column: z.string().min(1).max(200),
});

/** A count, or one hidden because it is below the threshold (or would give away one that is). */
export const figureCellSchema = z.union([z.number().int().nonnegative(), z.literal('suppressed')]);
export type FigureCell = z.infer<typeof figureCellSchema>;

export const figurePeriodSchema = z.strictObject({
  param: periodParamSchema,
  /** "October to December 2022" */
  label: z.string(),
  /** First and last UK day, inclusive, ISO dates. */
  from: z.string(),
  to: z.string(),
});
export type FigurePeriod = z.infer<typeof figurePeriodSchema>;

export const figureTableSchema = z.strictObject({
  /** Stable, for addresses and file names: `referrals-by-age-and-location`. */
  id: z.string(),
  title: z.string(),
  /** What the rows are: "Age at exploitation". */
  rowHeading: z.string(),
  columns: z.array(z.strictObject({ key: z.string(), label: z.string() })),
  rows: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      cells: z.array(figureCellSchema),
      /** A total row, styled and exported as one. */
      total: z.boolean(),
    }),
  ),
  /** Footnotes as the publication gives them (what "not specified" means, where suppression applies). */
  notes: z.array(z.string()),
});
export type FigureTable = z.infer<typeof figureTableSchema>;

export const figuresAnswerSchema = z.strictObject({
  period: figurePeriodSchema,
  /** Counts below this are shown as "fewer than {threshold}" in breakdowns finer than the nation; 0 means off. */
  threshold: z.number().int().nonnegative(),
  tables: z.array(figureTableSchema),
});
export type FiguresAnswer = z.infer<typeof figuresAnswerSchema>;

export const trendAnswerSchema = z.strictObject({
  table: z.string(),
  title: z.string(),
  /** What is counted: "Adult (18 or over), UK". */
  series: z.string(),
  threshold: z.number().int().nonnegative(),
  points: z.array(z.strictObject({ quarter: z.string(), label: z.string(), value: figureCellSchema })),
});
export type TrendAnswer = z.infer<typeof trendAnswerSchema>;
