const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const whole = new Intl.NumberFormat('en-GB');

export const formatDateTime = (at: Date | string) => dateTime.format(new Date(at));
export const formatCount = (n: number) => whole.format(n);
