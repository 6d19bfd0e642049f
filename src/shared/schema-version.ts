/** Bumped whenever the shape of a sent referral changes; the server accepts this and the one before. */
export const SCHEMA_VERSION = 3;
/** The version before: devices may still hold referrals of this shape, queued before an update. */
export const PREVIOUS_SCHEMA_VERSION = 2;

/**
 * Version 2 has no consent record for an adult referral, which the NRM requires, so it is taken only
 * for referrals a device queued before its update to version 3 (29 November 2026), and only from an
 * enrolled device, until this moment. Three months is longer than a phone in use stays offline, and an
 * app opened online updates itself at once; after it, the responder opens the referral and sends it in
 * the current form, which asks for consent.
 */
export const PREVIOUS_SCHEMA_VERSION_ENDS = '2027-03-01T00:00:00.000Z';
