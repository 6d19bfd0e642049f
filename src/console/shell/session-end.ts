import type { SessionResponse } from '../../shared/accounts.ts';

/** Checked a little after the server's end, so that the check itself does not keep the session alive. */
const MARGIN_MS = 15_000;
/** setTimeout's largest delay; a session never lasts this long, but a wrong clock might say so. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * How long until the session should have ended, measured on the server's clock (its Date header),
 * so a device clock that is wrong by minutes neither ends the session early on screen nor keeps it
 * alive by checking too soon (every check counts as use and moves the idle end on).
 */
export function msUntilSessionEnds(session: Pick<SessionResponse, 'idleExpiresAt' | 'expiresAt'>, serverTime: Date): number {
  const ends = Math.min(Date.parse(session.idleExpiresAt), Date.parse(session.expiresAt));
  const left = ends - serverTime.getTime();
  return Math.min(MAX_TIMER_MS, Math.max(0, left) + MARGIN_MS);
}
