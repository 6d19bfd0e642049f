/** The session cookie's name over plain HTTP (a try-out on localhost). */
export const SESSION_COOKIE = 'nrm_session';
/**
 * Its name whenever it is Secure. A browser keeps a `__Host-` cookie only if it is Secure, for the whole
 * host (`Path=/`, no `Domain`) and set over HTTPS, so no other subdomain and no plain-HTTP answer can
 * plant one: the session a request carries is one this server gave out.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

const nameAndPath = (secure: boolean) => (secure ? { name: SECURE_SESSION_COOKIE, path: '/' } : { name: SESSION_COOKIE, path: '/api' });

/**
 * HttpOnly (no script can read it), SameSite=Strict (no other site can make the browser send it), and
 * over HTTP only for the API's paths. Cross-site writes are refused besides (same-origin.ts).
 */
export function sessionCookie(value: string, { maxAgeSeconds, secure }: CookieOptions): string {
  const { name, path } = nameAndPath(secure);
  return [`${name}=${value}`, `Path=${path}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { maxAgeSeconds: 0, secure });
}

/**
 * The session token from a Cookie header, if it holds one of the shape we give out under the name this
 * request's cookies carry: when cookies are Secure, only the `__Host-` one counts.
 */
export function sessionTokenFrom(cookieHeader: string | undefined, secure: boolean): string | undefined {
  if (!cookieHeader) return undefined;
  const { name: wanted } = nameAndPath(secure);
  for (const pair of cookieHeader.split(';')) {
    const [name, value] = pair.trim().split('=', 2);
    if (name === wanted && value && /^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return undefined;
}
