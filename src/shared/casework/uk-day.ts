/** A calendar day as the decision unit counts them: YYYY-MM-DD in UK time. */
export type Day = string;

const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The day an instant falls on in the UK (a referral received at 00:30 BST on a Saturday came on
 * Saturday). Apart from clock.ts so the field app can tell the day without the working-day calendar.
 */
export function dayOf(instant: Date | string): Day {
  return ukDay.format(typeof instant === 'string' ? new Date(instant) : instant);
}
