/** Bumped whenever the shape of a sent referral changes; the server accepts this and the one before. */
export const SCHEMA_VERSION = 3;
/** The version before: devices may still hold referrals of this shape, queued before an update. */
export const PREVIOUS_SCHEMA_VERSION = 2;
