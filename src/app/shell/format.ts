const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export const formatTime = (at: Date | string) => time.format(new Date(at));
export const formatDateTime = (at: Date | string) => dateTime.format(new Date(at));
export const formatDate = (at: Date) => date.format(at);
