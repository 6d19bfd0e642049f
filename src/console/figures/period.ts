import type { DateParts } from '../../govuk/DateInput.tsx';
import { periodParamSchema } from '../../shared/figures/figures-contract.ts';
import { figuresContent } from './content.ts';

const text = figuresContent.period;

/** The National Referral Mechanism began on 1 April 2009: no figures before its first quarter. */
export const FIRST_DAY = '2009-04-01';
const FIRST_YEAR = 2009;
const FIRST_QUARTER = 2;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type PeriodKind = 'quarter' | 'year' | 'range';

/** The picker's answers, as typed or chosen. */
export interface PeriodForm {
  kind: PeriodKind;
  quarter: string;
  year: string;
  from: DateParts;
  to: DateParts;
}

export type PeriodField = 'from' | 'to';
export type PeriodCheck = { ok: true; param: string } | { ok: false; errors: { field: PeriodField; message: string }[] };

/** The UK's calendar day for an instant, as year, month (1–12) and day. */
function ukDay(now: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric' }).formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month') };
}

/** The last quarter that has ended: what a statistician publishes, and where the figures open. */
export function lastCompleteQuarter(now: Date): string {
  const { year, month } = ukDay(now);
  const current = Math.floor((month - 1) / 3) + 1;
  return current === 1 ? `${year - 1}-Q4` : `${year}-Q${current - 1}`;
}

/** "October to December 2022" for `2022-Q4`. */
export function quarterLabel(param: string): string {
  const [year, q] = param.split('-Q');
  const first = (Number(q) - 1) * 3;
  return `${MONTHS[first]} to ${MONTHS[first + 2]} ${year}`;
}

/** Every quarter from the first to the current one, newest first. */
export function quarterChoices(now: Date): { value: string; text: string }[] {
  const { year, month } = ukDay(now);
  const choices: { value: string; text: string }[] = [];
  for (let y = year; y >= FIRST_YEAR; y -= 1) {
    const last = y === year ? Math.floor((month - 1) / 3) + 1 : 4;
    for (let q = last; q >= (y === FIRST_YEAR ? FIRST_QUARTER : 1); q -= 1) {
      const param = `${y}-Q${q}`;
      choices.push({ value: param, text: text.quarterOption(quarterLabel(param), param) });
    }
  }
  return choices;
}

export function yearChoices(now: Date): { value: string; text: string }[] {
  const { year } = ukDay(now);
  return Array.from({ length: year - FIRST_YEAR + 1 }, (_, index) => String(year - index)).map((value) => ({ value, text: value }));
}

const blank: DateParts = { day: '', month: '', year: '' };

function partsOf(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The picker as a period in the address leaves it; the other kinds keep sensible starting answers. */
export function formFromPeriod(param: string, now: Date): PeriodForm {
  const quarter = lastCompleteQuarter(now);
  const form: PeriodForm = { kind: 'quarter', quarter, year: quarter.slice(0, 4), from: blank, to: blank };
  if (/^\d{4}-Q[1-4]$/.test(param)) return { ...form, quarter: param, year: param.slice(0, 4) };
  if (/^\d{4}$/.test(param)) return { ...form, kind: 'year', year: param };
  const [from = '', to = ''] = param.split('..');
  return { ...form, kind: 'range', from: partsOf(from), to: partsOf(to) };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** One day's boxes checked as GOV.UK asks: say what is missing, or that it is not a real date. */
function checkDay(parts: DateParts, which: 'first' | 'last'): { ok: true; iso: string } | { ok: false; message: string } {
  const trimmed = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = (['day', 'month', 'year'] as const).filter((part) => trimmed[part] === '');
  if (missing.length === 3) return { ok: false, message: which === 'first' ? text.errors.fromMissing : text.errors.toMissing };
  if (missing.length > 0) return { ok: false, message: text.errors.missingPart(which, missing.join(' and ')) };
  if (!/^\d{1,2}$/.test(trimmed.day) || !/^\d{1,2}$/.test(trimmed.month) || !/^\d{4}$/.test(trimmed.year)) return { ok: false, message: text.errors.notReal(which) };
  const [day, month, year] = [Number(trimmed.day), Number(trimmed.month), Number(trimmed.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, message: text.errors.notReal(which) };
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (iso < FIRST_DAY) return { ok: false, message: text.errors.tooEarly(which, '1 April 2009') };
  return { ok: true, iso };
}

/** The period the picker describes, as it goes in the address, or what to fix. */
export function periodFromForm(form: PeriodForm): PeriodCheck {
  if (form.kind === 'quarter') return { ok: true, param: form.quarter };
  if (form.kind === 'year') return { ok: true, param: form.year };
  const from = checkDay(form.from, 'first');
  const to = checkDay(form.to, 'last');
  const errors: { field: PeriodField; message: string }[] = [];
  if (!from.ok) errors.push({ field: 'from', message: from.message });
  if (!to.ok) errors.push({ field: 'to', message: to.message });
  if (from.ok && to.ok && to.iso < from.iso) errors.push({ field: 'to', message: text.errors.order });
  if (errors.length > 0 || !from.ok || !to.ok) return { ok: false, errors };
  return { ok: true, param: `${from.iso}..${to.iso}` };
}

/** Whether a period from the address is one the server takes (a hand-edited one may not be). */
export function isPeriodParam(value: string): boolean {
  return periodParamSchema.safeParse(value).success;
}
