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
    expect(failureFrom(422, undefined, problem(422, 'bad-request', { errors }))).toEqual({ kind: 'invalid', errors });
    expect(failureFrom(404, undefined, problem(404, 'not-found'))).toEqual({ kind: 'not-found' });
  });

  it('reads casework’s refusals: the rules’ reason, and the case as it stands after someone else changed it', () => {
    const reason = 'Someone else holds this case: take it over (with a reason) first, or ask them.';
    expect(failureFrom(422, undefined, problem(422, 'action-refused', { detail: reason }))).toEqual({ kind: 'refused', reason });
    const current = {
      stage: 'rg-pending',
      version: 7,
      path: 'child',
      heldBy: 'u2',
      receivedOn: '2026-03-02',
      rgDueOn: '2026-03-09',
      rg: null,
      cg: null,
      cgNotBefore: null,
      proposal: null,
      resumeStage: null,
      heldSince: null,
      servedNegativeOn: null,
    };
    const since = [{ at: '2026-03-03T10:00:00.000Z', actor: { id: 'u2', email: 'rv@example.org' }, action: 'take-over', from: 'rg-pending', to: 'rg-pending', detail: { reason: 'Cover' } }];
    expect(failureFrom(409, undefined, problem(409, 'case-changed', { current, since }))).toEqual({ kind: 'case-changed', current, since });
    expect(failureMessage({ kind: 'refused', reason })).toBe(reason);
    expect(failureMessage({ kind: 'not-found' })).toBe('There is nothing here: it may have been removed, or the address is wrong');
  });

  it('goes by the status when a proxy answered without our codes', () => {
    expect(failureFrom(429, 30, '<html>busy</html>')).toEqual({ kind: 'rate-limited', retryAfterSeconds: 30 });
    expect(failureFrom(401, undefined, undefined)).toEqual({ kind: 'signed-out' });
    expect(failureFrom(502, undefined, undefined)).toEqual({ kind: 'server', status: 502, retryAfterSeconds: undefined });
    expect(failureFrom(503, 120, problem(503, 'unavailable'))).toEqual({ kind: 'server', status: 503, retryAfterSeconds: 120 });
    expect(failureFrom(404, undefined, undefined)).toEqual({ kind: 'not-found' });
    expect(failureFrom(409, undefined, '<html>conflict</html>')).toEqual({ kind: 'unexpected', status: 409 });
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
