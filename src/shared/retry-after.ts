/**
 * How long the server asks a client to wait (Retry-After: seconds, or an HTTP date), in milliseconds
 * from `nowMs`; undefined when the header is absent or unreadable. Milliseconds, not seconds: a date
 * rarely falls on a whole second from now, and the sync engine schedules to the millisecond.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
