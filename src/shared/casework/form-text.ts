import { z } from 'zod/mini';

/** Free text on the casework forms, at the desk and from the field: how long it may be, and how it is checked. */
export const REASON_TEXT_MAX = 5000;
export const NOTE_MAX = 5000;

/** Required text: trimmed, not empty, not too long; each message says what to do. */
export function text(required: string, max: number) {
  return z.string(required).check(z.trim(), z.minLength(1, required), z.maxLength(max, `Use ${max.toLocaleString('en-GB')} characters or fewer`));
}

export const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `Use ${max.toLocaleString('en-GB')} characters or fewer`)));
