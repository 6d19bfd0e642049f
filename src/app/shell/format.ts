const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export const formatTime = (at: Date | string) => time.format(new Date(at));
export const formatDateTime = (at: Date | string) => dateTime.format(new Date(at));
/** A day in words: the shared copy, so the desk reads dates as the field app does. */
export { formatDate } from '../../shared/format.ts';
