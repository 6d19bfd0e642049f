import { describe, expect, it } from 'vitest';
import { failureFrom, waitPhrase } from '../../src/console/shell/failures.ts';
import { failureMessage, signInErrors, validateSignIn } from '../../src/console/shell/messages.ts';

const problem = (status: number, code: string, extra: object = {}) => ({ type: `urn:nrm-field:problem:${code}`, title: 'The server’s words', status, code, ...extra });

describe('console: reading the server’s refusals', () => {
  it('goes by the problem code where there is one', () => {
    expect(failureFrom(401, undefined, problem(401, 'sign-in-failed'))).toEqual({ kind: 'wrong-details' });
    expect(failureFrom(401, undefined, problem(401, 'signed-out'))).toEqual({ kind: 'signed-out' });
    expect(failureFrom(429, 900, problem(429, 'rate-limited'))).toEqual({ kind: 'rate-limited', retryAfterSeconds: 900 });
    expect(failureFrom(403, undefined, problem(403, 'forbidden'))).toEqual({ kind: 'forbidden' });
    const errors = [{ path: 'email', message: 'Enter an email address, like name@example.org' }];
    expect(failureFrom(400, undefined, problem(400, 'bad-request', { errors }))).toEqual({ kind: 'invalid', errors });
  });

  it('goes by the status when a proxy answered without our codes', () => {
    expect(failureFrom(429, 30, '<html>busy</html>')).toEqual({ kind: 'rate-limited', retryAfterSeconds: 30 });
    expect(failureFrom(401, undefined, undefined)).toEqual({ kind: 'signed-out' });
    expect(failureFrom(502, undefined, undefined)).toEqual({ kind: 'server', status: 502, retryAfterSeconds: undefined });
    expect(failureFrom(503, 120, problem(503, 'unavailable'))).toEqual({ kind: 'server', status: 503, retryAfterSeconds: 120 });
    expect(failureFrom(404, undefined, undefined)).toEqual({ kind: 'unexpected', status: 404 });
    expect(failureFrom(400, undefined, problem(400, 'bad-request'))).toEqual({ kind: 'unexpected', status: 400 });
  });

  it('says how long to wait, rounded up', () => {
    expect(waitPhrase(undefined)).toBe('a few minutes');
    expect(waitPhrase(0)).toBe('1 second');
    expect(waitPhrase(40)).toBe('40 seconds');
    expect(waitPhrase(60)).toBe('1 minute');
    expect(waitPhrase(61)).toBe('2 minutes');
    expect(waitPhrase(900)).toBe('15 minutes');
    expect(waitPhrase(3 * 3600)).toBe('3 hours');
  });

  it('turns each failure into a sentence a person can act on', () => {
    expect(failureMessage({ kind: 'rate-limited', retryAfterSeconds: 840 })).toBe('Too many attempts to sign in. Wait 14 minutes, then try again');
    expect(failureMessage({ kind: 'rate-limited', retryAfterSeconds: undefined })).toBe('Too many attempts to sign in. Wait a few minutes, then try again');
    expect(failureMessage({ kind: 'unreachable' })).toBe('The server cannot be reached. Check your connection, then try again');
    expect(failureMessage({ kind: 'wrong-details' })).toBe('The email address or password is not right');
    expect(failureMessage({ kind: 'server', status: 503, retryAfterSeconds: 30 })).toBe('The server is not working right now. Try again in 30 seconds');
    expect(failureMessage({ kind: 'unexpected', status: 404 })).toBe('Something went wrong (the server answered 404). Try again');
  });
});

describe('console: the sign-in form’s errors', () => {
  it('asks for what is missing, in the order of the fields', () => {
    const result = validateSignIn('   ', '');
    expect(result).toEqual({
      ok: false,
      errors: {
        summary: [
          { field: 'email', message: 'Enter your email address' },
          { field: 'password', message: 'Enter your password' },
        ],
        fields: { email: 'Enter your email address', password: 'Enter your password' },
      },
    });
  });

  it('says when the address is not an address, and sends a trimmed one otherwise', () => {
    const wrong = validateSignIn('someone at example', 'a password');
    expect(wrong.ok || wrong.errors.fields).toEqual({ email: 'Enter an email address, like name@example.org' });
    expect(validateSignIn('  cw@example.org ', 'pw')).toEqual({ ok: true, request: { email: 'cw@example.org', password: 'pw' } });
  });

  it('shows wrong details against the email address, without saying which of the two is wrong', () => {
    expect(signInErrors({ kind: 'wrong-details' })).toEqual({
      summary: [{ field: 'email', message: 'The email address or password is not right' }],
      fields: { email: 'The email address or password is not right' },
    });
  });

  it('shows a wait or an unreachable server in the summary only', () => {
    for (const failure of [{ kind: 'rate-limited', retryAfterSeconds: 60 }, { kind: 'unreachable' }] as const) {
      const errors = signInErrors(failure);
      expect(errors.fields).toEqual({});
      expect(errors.summary).toEqual([{ field: 'email', message: failureMessage(failure) }]);
    }
  });

  it('never repeats what was typed', () => {
    const password = 'correct horse battery staple';
    const all = [
      validateSignIn('x', password),
      signInErrors({ kind: 'wrong-details' }),
      signInErrors({ kind: 'invalid', errors: [{ path: 'password', message: 'Enter your password' }] }),
    ];
    expect(JSON.stringify(all)).not.toContain(password);
  });
});
