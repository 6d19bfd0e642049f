const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const dateTimeWithYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const instantDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
const whole = new Intl.NumberFormat('en-GB');

export const formatDateTime = (at: Date | string) => dateTime.format(new Date(at));
/** An instant with its year, in UK time: "12 Mar 2026, 10:31". */
export const formatWhen = (at: string) => dateTimeWithYear.format(new Date(at));
/** The UK day an instant fell on: "12 Mar 2026". */
export const formatInstantDay = (at: string) => instantDay.format(new Date(at));
export const formatCount = (n: number) => whole.format(n);

/** A calendar day (YYYY-MM-DD), as written in a table: "12 Mar 2026". */
export const formatDay = (day: string) => shortDay.format(new Date(`${day}T00:00:00Z`));
/** A calendar day in words: "12 March 2026". */
export const formatDayLong = (day: string) => longDay.format(new Date(`${day}T00:00:00Z`));

const units = ['bytes', 'KB', 'MB', 'GB'];

/** A file's size as phones and people read it (decimal): "812 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
