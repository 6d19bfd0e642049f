export const SESSION_COOKIE = 'nrm_session';

export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

/**
 * HttpOnly (no script can read it), SameSite=Strict (no other site can make the browser send it),
 * and only for the API's paths.
 */
export function sessionCookie(value: string, { maxAgeSeconds, secure }: CookieOptions): string {
  return [`${SESSION_COOKIE}=${value}`, 'Path=/api', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { maxAgeSeconds: 0, secure });
}

/** The session token from a Cookie header, if it holds one of the shape we give out. */
export function sessionTokenFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const [name, value] = pair.trim().split('=', 2);
    if (name === SESSION_COOKIE && value && /^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return undefined;
}
