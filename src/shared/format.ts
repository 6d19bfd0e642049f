/**
 * How dates and counts read, in words: one copy for the field app and the desk console. Pure (Intl
 * only), so the page, the service worker and the server can all use it.
 */
const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A day in words, such as "28 November 2026" (read in UTC, so the day never shifts). */
export const formatDate = (at: Date) => date.format(at);

/** A date answer, stored as "YYYY-M-D" as typed, in words. */
export function dateAnswerInWords(stored: string): string {
  const [year, month, day] = stored.split('-').map(Number);
  return formatDate(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)));
}

/** How many evidence files: "1 file", "3 files". */
export const fileCount = (n: number) => (n === 1 ? '1 file' : `${n} files`);
