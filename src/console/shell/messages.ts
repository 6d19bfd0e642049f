import { signInRequestSchema, type SignInRequest } from '../../shared/accounts.ts';
import { content } from './content.ts';
import { waitPhrase, type Failure } from './failures.ts';

const text = content.errors;

/** One line a person can act on, for any failure; never the server's internals, never what was typed. */
export function failureMessage(failure: Failure): string {
  switch (failure.kind) {
    case 'unreachable':
      return text.unreachable;
    case 'wrong-details':
      return text.wrongDetails;
    case 'account-disabled':
      return text.accountDisabled;
    case 'rate-limited':
      return text.rateLimited(waitPhrase(failure.retryAfterSeconds));
    case 'signed-out':
      return text.signedOut;
    case 'forbidden':
      return text.forbidden;
    case 'not-found':
      return text.notFound;
    case 'refused':
      return failure.reason;
    case 'case-changed':
      return text.caseChanged;
    case 'server':
      return text.server(waitPhrase(failure.retryAfterSeconds));
    case 'invalid':
      return failure.errors.map((error) => error.message).join('. ');
    case 'unexpected':
      return text.unexpected(failure.status);
  }
}

export type SignInField = 'email' | 'password';

export interface SignInErrors {
  /** In the order of the fields; each links to its field from the error summary. */
  summary: { field: SignInField; message: string }[];
  /** Shown beside the field itself. */
  fields: Partial<Record<SignInField, string>>;
}

const none: SignInErrors = { summary: [], fields: {} };

function fromFieldErrors(errors: { path: string; message: string }[]): SignInErrors {
  const fields: SignInErrors['fields'] = {};
  for (const error of errors) {
    const field = error.path === 'password' ? 'password' : 'email';
    fields[field] ??= error.message;
  }
  const order: SignInField[] = ['email', 'password'];
  return { summary: order.flatMap((field) => (fields[field] ? [{ field, message: fields[field] }] : [])), fields };
}

/** Checks the form before anything is sent, with the same schema the server applies. */
export function validateSignIn(email: string, password: string): { ok: true; request: SignInRequest } | { ok: false; errors: SignInErrors } {
  const trimmed = email.trim();
  const parsed = signInRequestSchema.safeParse({ email: trimmed, password });
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  // An empty field gets "Enter your …"; the schema's wording is for an address in the wrong form.
  const worded = errors.map((error) => (error.path === 'email' && trimmed === '' ? { ...error, message: text.emailMissing } : error));
  return { ok: false, errors: fromFieldErrors(worded) };
}

/**
 * Where a failed sign-in is shown: field errors beside their fields; wrong details against the email
 * address (the server does not say which of the two is wrong, on purpose); anything else, such as a
 * wait or an unreachable server, in the summary alone, linked to the first field to try again from.
 */
export function signInErrors(failure: Failure | undefined): SignInErrors {
  if (!failure) return none;
  if (failure.kind === 'invalid') return fromFieldErrors(failure.errors);
  const message = failureMessage(failure);
  if (failure.kind === 'wrong-details') return { summary: [{ field: 'email', message }], fields: { email: message } };
  return { summary: [{ field: 'email', message }], fields: {} };
}
