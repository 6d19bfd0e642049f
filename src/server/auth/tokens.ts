import { createHash, randomBytes } from 'node:crypto';
import { toBase64Url } from '../../shared/base64url.ts';

/** 256 random bits, base64url: session cookies and one-time codes. */
export function randomToken(): string {
  return toBase64Url(randomBytes(32));
}

/**
 * What the database keeps of a token: its SHA-256. The tokens are random and long, so a fast hash is
 * enough, and a stolen table holds nothing that could be sent back as a cookie or a code.
 */
export function hashToken(token: string): string {
  return toBase64Url(createHash('sha256').update(token).digest());
}
