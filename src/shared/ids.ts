import { z } from 'zod/mini';

/**
 * A UUID as this service writes it: lower case, with hyphens. To a database the same id in capitals is
 * another string — it was stored as a second referral — so an id in any other spelling is refused.
 */
export const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const lowerCase = (message: string) => z.regex(CANONICAL_UUID, message);

/** Any UUID, in lower case. */
export const canonicalUuid = (message: string, caseMessage: string) => z.uuid(message).check(lowerCase(caseMessage));

/** A UUIDv7 (time-ordered, made on the device), in lower case. */
export const canonicalUuidV7 = (message: string, caseMessage: string) => z.uuidv7(message).check(lowerCase(caseMessage));

/** When a UUIDv7 was made: its first 48 bits are milliseconds since the Unix epoch. */
export function uuidV7Time(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
