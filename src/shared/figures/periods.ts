import type { FigurePeriod } from './figures-contract.ts';

/** A period of UK days, inclusive at both ends (ISO dates compare as strings). */
export interface DayRange {
  from: string;
  to: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const PERIOD_FORMS = 'a quarter (2022-Q4), a year (2022) or two dates (2022-01-01..2022-06-30)';

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isRealDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1900 && month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month);
}

/** "2022-Q4" for the day 2022-11-03. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

export function quarterRange(quarter: string): DayRange {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const lastMonth = q * 3;
  return { from: `${year}-${pad(lastMonth - 2)}-01`, to: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}` };
}

/** "Oct to Dec 2022", as the publication heads a quarter. */
export function quarterLabel(quarter: string): string {
  const q = Number(quarter.slice(6));
  return `${SHORT_MONTHS[(q - 1) * 3]} to ${SHORT_MONTHS[q * 3 - 1]} ${quarter.slice(0, 4)}`;
}

/** Every quarter that has a day in the range, oldest first. */
export function quartersIn(range: DayRange): string[] {
  const quarters: string[] = [];
  let quarter = quarterOf(range.from);
  const last = quarterOf(range.to);
  while (quarter <= last) {
    quarters.push(quarter);
    const year = Number(quarter.slice(0, 4));
    const q = Number(quarter.slice(6));
    quarter = q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
  }
  return quarters;
}

function dayInWords(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** The period a parameter names, or undefined when it is not one of the forms that work (or not a real day, or backwards). */
export function parsePeriod(param: string): FigurePeriod | undefined {
  if (/^\d{4}-Q[1-4]$/.test(param)) {
    const range = quarterRange(param);
    const q = Number(param.slice(6));
    return { param, label: `${MONTHS[(q - 1) * 3]} to ${MONTHS[q * 3 - 1]} ${param.slice(0, 4)}`, ...range };
  }
  if (/^\d{4}$/.test(param) && Number(param) >= 1900) return { param, label: `January to December ${param}`, from: `${param}-01-01`, to: `${param}-12-31` };
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(param);
  if (match && isRealDay(match[1]!) && isRealDay(match[2]!) && match[1]! <= match[2]!) {
    return { param, label: `${dayInWords(match[1]!)} to ${dayInWords(match[2]!)}`, from: match[1]!, to: match[2]! };
  }
  return undefined;
}

function shiftDay(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export function daysBetweenInclusive(range: DayRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * The period just before, to compare with: the quarter or year before, or as many days ending the day
 * before `from`.
 */
export function previousPeriod(period: FigurePeriod): DayRange {
  if (/^\d{4}-Q[1-4]$/.test(period.param)) {
    const year = Number(period.param.slice(0, 4));
    const q = Number(period.param.slice(6));
    return quarterRange(q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`);
  }
  if (/^\d{4}$/.test(period.param)) {
    const year = Number(period.param) - 1;
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  const length = daysBetweenInclusive(period);
  const to = shiftDay(period.from, -1);
  return { from: shiftDay(to, 1 - length), to };
}

/** How many quarters before a single quarter its trend also shows: two years in all, enough to draw a line. */
export const QUARTERS_BEFORE_IN_A_TREND = 7;

/**
 * The days a trend runs over: the period itself, or for a single quarter the quarters before it as well
 * (a single point is no trend).
 */
export function trendRange(period: FigurePeriod): DayRange {
  if (!/^\d{4}-Q[1-4]$/.test(period.param)) return { from: period.from, to: period.to };
  const index = Number(period.param.slice(0, 4)) * 4 + Number(period.param.slice(6)) - 1 - QUARTERS_BEFORE_IN_A_TREND;
  return { from: quarterRange(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`).from, to: period.to };
}
