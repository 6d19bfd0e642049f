import type { z } from 'zod/mini';
import type { FieldError } from './protocol.ts';

/** Turns zod issues into field errors a person can act on: a dotted path and the message. */
export function toFieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
