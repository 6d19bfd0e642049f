import type { CurrentSession } from './auth/sessions.ts';
import type { Device } from './services/devices.ts';

/** What the authentication hooks learn about a request, for the handlers after them. */
declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes exactly as received, for checking a device's signature over them. */
    rawBody: Buffer | null;
    /** The enrolled device whose signature the request carries, once checked. */
    device: Device | null;
    /** Whether session cookies are Secure on this request (HTTPS, or SECURE_COOKIES=always): then only `__Host-` ones count. */
    cookiesSecure: boolean;
    /** The signed-in user, on routes that require one. */
    session: CurrentSession | null;
  }
}
