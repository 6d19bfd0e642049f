import { CANONICAL_UUID, uuidV7Time } from './ids.ts';

/**
 * No referral was written before NRM Field existed (its first release was in November 2026): a
 * submission time or referral id older than this is a wrong clock or a made-up request.
 */
export const EARLIEST_SUBMISSION = '2026-01-01T00:00:00.000Z';

/**
 * How far ahead of the server's clock a device's may run. A signed request must be within 5 minutes,
 * but `submittedAt` and the id were made earlier, perhaps offline on a clock set wrongly since put right;
 * a day covers that, and no honest device is further ahead.
 */
export const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

const earliest = Date.parse(EARLIEST_SUBMISSION);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const SUBMITTED_TOO_EARLY = `submittedAt must be after ${day(earliest)}: check the device's date and time`;
export const ID_TOO_EARLY = `The referral id was made before ${day(earliest)}: check the device's date and time, then open the referral and send it as a new one`;

// A value that is no time or no UUID at all is reported by its format check, not again here.
export const isAfterEarliest = (iso: string) => Number.isNaN(Date.parse(iso)) || Date.parse(iso) >= earliest;
export const idIsAfterEarliest = (id: string) => !CANONICAL_UUID.test(id) || uuidV7Time(id) >= earliest;

/** What of a submission lies more than a day ahead of `now` (the server's clock), as field errors. */
export function aheadOfClock(submission: { id: string; submittedAt: string }, now: Date): { path: string; message: string }[] {
  const latest = now.getTime() + MAX_AHEAD_MS;
  const errors: { path: string; message: string }[] = [];
  if (Date.parse(submission.submittedAt) > latest) {
    errors.push({ path: 'submittedAt', message: `submittedAt is more than a day ahead of the server's clock (${now.toISOString()}): set the device's date and time, then send again` });
  }
  if (uuidV7Time(submission.id) > latest) {
    errors.push({ path: 'id', message: `The referral id was made more than a day ahead of the server's clock (${now.toISOString()}): set the device's date and time, then open the referral and send it as a new one` });
  }
  return errors;
}
