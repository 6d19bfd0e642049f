import { addDays, differenceInCalendarDays, format, isWeekend, parseISO } from 'date-fns';
import { bankHolidaysEnglandAndWales } from './bank-holidays.ts';
import { dayOf, type Day } from './uk-day.ts';

export type { Day };

/** Reasonable grounds target: 5 working days after the referral is received. */
export const RG_TARGET_WORKING_DAYS = 5;
/** The recovery period: conclusive grounds no earlier than 30 calendar days after reasonable grounds. */
export const RECOVERY_PERIOD_DAYS = 30;
/** A served negative decision may be reconsidered on a request made within 30 calendar days. */
export const RECONSIDERATION_WINDOW_DAYS = 30;

const holidays = new Set(bankHolidaysEnglandAndWales);
export { dayOf };

function toDate(day: Day): Date {
  return parseISO(day);
}

function toDay(date: Date): Day {
  return format(date, 'yyyy-MM-dd');
}

export function isWorkingDay(day: Day): boolean {
  return !isWeekend(toDate(day)) && !holidays.has(day);
}

/** The day `count` working days after `day` (the day itself never counts). */
export function addWorkingDays(day: Day, count: number): Day {
  let date = toDate(day);
  let left = count;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(toDay(date))) left -= 1;
  }
  return toDay(date);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: Day, to: Day): number {
  let count = 0;
  for (let date = addDays(toDate(from), 1); toDay(date) <= to; date = addDays(date, 1)) {
    if (isWorkingDay(toDay(date))) count += 1;
  }
  return count;
}

export function addCalendarDays(day: Day, count: number): Day {
  return toDay(addDays(toDate(day), count));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

export function reasonableGroundsDue(receivedOn: Day): Day {
  return addWorkingDays(receivedOn, RG_TARGET_WORKING_DAYS);
}

export function conclusiveGroundsNotBefore(reasonableGroundsOn: Day): Day {
  return addCalendarDays(reasonableGroundsOn, RECOVERY_PERIOD_DAYS);
}

/** The last day a reconsideration request is in time: day 30 after the decision was served. */
export function reconsiderationLastDay(servedOn: Day): Day {
  return addCalendarDays(servedOn, RECONSIDERATION_WINDOW_DAYS);
}

export type DueState = 'overdue' | 'due-today' | 'upcoming';

export function dueState(dueOn: Day, today: Day): DueState {
  if (dueOn < today) return 'overdue';
  return dueOn === today ? 'due-today' : 'upcoming';
}
