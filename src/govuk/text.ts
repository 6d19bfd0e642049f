/**
 * GOV.UK Frontend's own English words for its components, used where a caller gives none. Every
 * component takes its words as props, so a service keeps its wording with the rest of its content.
 */
export const govukText = {
  errorSummaryTitle: 'There is a problem',
  /** Read before an error message, so a screen reader says it is one; not shown on screen. */
  errorPrefix: 'Error',
  back: 'Back',
  continue: 'Continue',
  skipLink: 'Skip to main content',
  notificationTitle: { success: 'Success', important: 'Important' },
  date: { day: 'Day', month: 'Month', year: 'Year' },
  characters: {
    remaining: (n: number) => `You have ${n.toLocaleString('en-GB')} character${n === 1 ? '' : 's'} remaining`,
    over: (n: number) => `You have ${n.toLocaleString('en-GB')} character${n === 1 ? '' : 's'} too many`,
    upTo: (n: number) => `You can enter up to ${n.toLocaleString('en-GB')} characters`,
  },
};
