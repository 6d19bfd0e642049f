import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  conclusiveGroundsNotBefore,
  dayOf,
  dueState,
  isWorkingDay,
  reasonableGroundsDue,
  reconsiderationLastDay,
  workingDaysBetween,
} from '../../src/shared/casework/clock.ts';
import { bankHolidaysEnglandAndWales } from '../../src/shared/casework/bank-holidays.ts';

describe('the decision unit clock', () => {
  it('gives reasonable grounds 5 working days, skipping the weekend', () => {
    expect(reasonableGroundsDue('2026-12-02')).toBe('2026-12-09'); // Wednesday → next Wednesday
    expect(reasonableGroundsDue('2026-12-04')).toBe('2026-12-11'); // Friday → next Friday
  });

  it('counts a referral received at the weekend from the Monday', () => {
    expect(reasonableGroundsDue('2026-12-05')).toBe('2026-12-11');
    expect(reasonableGroundsDue('2026-12-06')).toBe('2026-12-11');
  });

  it('skips Christmas and the Boxing Day substitute', () => {
    // 25 December 2026 is a Friday; Boxing Day falls on Saturday, so Monday 28th is the holiday.
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(reasonableGroundsDue('2026-12-22')).toBe('2026-12-31');
    expect(reasonableGroundsDue('2026-12-24')).toBe('2027-01-05'); // 29, 30, 31, (1 Jan holiday), 4, 5
  });

  it('skips Good Friday and Easter Monday', () => {
    expect(reasonableGroundsDue('2027-03-24')).toBe('2027-04-02');
    expect(reasonableGroundsDue('2026-04-02')).toBe('2026-04-13'); // 3 and 6 April 2026 are holidays
  });

  it('takes the day in UK time, summer and winter', () => {
    expect(dayOf('2026-07-04T23:30:00Z')).toBe('2026-07-05');
    expect(dayOf('2026-12-04T23:30:00Z')).toBe('2026-12-04');
  });

  it('counts working days between two days, as a paused clock needs', () => {
    expect(workingDaysBetween('2026-12-22', '2026-12-31')).toBe(5);
    expect(workingDaysBetween('2026-12-04', '2026-12-04')).toBe(0);
    expect(workingDaysBetween('2026-12-04', '2026-12-07')).toBe(1);
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('puts conclusive grounds 30 calendar days after reasonable grounds', () => {
    expect(conclusiveGroundsNotBefore('2026-03-12')).toBe('2026-04-11');
    expect(conclusiveGroundsNotBefore('2026-12-20')).toBe('2027-01-19');
  });

  it('keeps a reconsideration in time until day 30 after service', () => {
    expect(reconsiderationLastDay('2026-01-10')).toBe('2026-02-09');
    expect(reconsiderationLastDay('2028-02-01')).toBe('2028-03-02'); // a leap year's February
  });

  it('says overdue, due today or upcoming', () => {
    expect(dueState('2026-12-03', '2026-12-04')).toBe('overdue');
    expect(dueState('2026-12-04', '2026-12-04')).toBe('due-today');
    expect(dueState('2026-12-05', '2026-12-04')).toBe('upcoming');
  });

  it('ships bank holidays as real, sorted, weekday dates', () => {
    expect([...bankHolidaysEnglandAndWales].sort()).toEqual(bankHolidaysEnglandAndWales);
    for (const day of bankHolidaysEnglandAndWales) {
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      expect(weekday, day).not.toBe(0);
      expect(weekday, day).not.toBe(6);
    }
  });
});
