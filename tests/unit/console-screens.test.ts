// @vitest-environment happy-dom
// The console's screens drawn with the shared GOV.UK components (src/govuk): the markup and focus
// that the console's end-to-end tests and screen readers rely on. Written with `h`, as a .ts file.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorSummary, type SummaryError } from '../../src/govuk/ErrorSummary.tsx';
import type { ConsoleApi } from '../../src/console/shell/api.ts';
import { SignIn } from '../../src/console/shell/SignIn.tsx';

afterEach(cleanup);

/** An API that is never reached in these tests but for the calls given. */
const api = (calls: Partial<ConsoleApi>): ConsoleApi =>
  ({
    signIn: () => Promise.reject(new Error('not expected')),
    session: () => Promise.reject(new Error('not expected')),
    signOut: () => Promise.reject(new Error('not expected')),
    ...calls,
  }) as ConsoleApi;

const signIn = (notice?: 'signed-out' | 'session-ended') => render(h(SignIn, { api: api({}), notice, onSignedIn: () => undefined }));

describe('console sign-in, drawn with src/govuk', () => {
  it('links each error in the summary to its field, marks the field, and focuses the summary after every attempt', async () => {
    const view = signIn();
    const button = view.getByRole('button', { name: 'Sign in' });
    fireEvent.submit(button.closest('form')!);
    const summary = await waitFor(() => view.container.querySelector<HTMLElement>('.govuk-error-summary')!);
    expect(document.activeElement).toBe(summary);
    expect([...summary.querySelectorAll('a')].map((link) => [link.getAttribute('href'), link.textContent])).toEqual([
      ['#email', 'Enter your email address'],
      ['#password', 'Enter your password'],
    ]);
    const email = view.container.querySelector<HTMLInputElement>('#email')!;
    expect(email.className).toBe('govuk-input govuk-input--error');
    expect(email.getAttribute('aria-describedby')).toBe('email-error');
    expect(email.type).toBe('email');
    expect(email.name).toBe('email');
    expect(email.getAttribute('autocomplete')).toBe('username');
    expect(view.container.querySelector('#email-error')?.textContent).toBe('Error: Enter your email address');
    expect(email.closest('.govuk-form-group')?.className).toBe('govuk-form-group govuk-form-group--error');
    expect(view.container.querySelector('label[for="email"]')?.className).toBe('govuk-label govuk-label--s');

    // The same words again: the summary takes focus again, so it is announced again.
    summary.querySelectorAll('a')[1]!.click();
    expect(document.activeElement?.id).toBe('password');
    fireEvent.submit(button.closest('form')!);
    await waitFor(() => expect(document.activeElement).toBe(summary));
  });

  it('keeps what is typed, and draws a field without an error plainly', () => {
    const view = signIn();
    const email = view.container.querySelector<HTMLInputElement>('#email')!;
    fireEvent.input(email, { target: { value: 'cw@example.org' } });
    expect(email.value).toBe('cw@example.org');
    expect(email.className).toBe('govuk-input');
    expect(email.hasAttribute('aria-describedby')).toBe(false);
    expect(view.container.querySelector('.govuk-error-summary')).toBeNull();
  });

  it('says, focused, that the person has signed out or that their session ended', () => {
    const out = signIn('signed-out');
    const banner = out.container.querySelector<HTMLElement>('.govuk-notification-banner')!;
    expect(banner.className).toBe('govuk-notification-banner govuk-notification-banner--success');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.getAttribute('aria-labelledby')).toBe('notice-title');
    expect(out.container.querySelector('#notice-title')?.textContent).toBe('Success');
    expect(banner.querySelector('.govuk-notification-banner__heading')?.textContent).toBe('You have signed out');
    expect(document.activeElement).toBe(banner);
    cleanup();

    const ended = signIn('session-ended');
    const important = ended.container.querySelector<HTMLElement>('.govuk-notification-banner')!;
    expect(important.className).toBe('govuk-notification-banner');
    expect(important.getAttribute('role')).toBe('region');
    expect(ended.container.querySelector('#notice-title')?.textContent).toBe('Important');
    expect(important.textContent).toContain('Sessions end after 30 minutes without use');
    expect(document.activeElement).toBe(important);
  });
});

describe('the shared error summary', () => {
  it('without an attempt count, takes focus whenever the errors it shows change, and only then', async () => {
    const shown = (errors: SummaryError[]) => h('div', null, h(ErrorSummary, { errors }), h('input', { id: 'field' }));
    const view = render(shown([]));
    expect(view.container.querySelector('.govuk-error-summary')).toBeNull();
    view.rerender(shown([{ href: '#field', message: 'Enter a name' }]));
    const summary = view.container.querySelector<HTMLElement>('.govuk-error-summary')!;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    view.container.querySelector<HTMLElement>('#field')!.focus();
    view.rerender(shown([{ href: '#field', message: 'Enter a name' }]));
    expect(document.activeElement?.id).toBe('field');
    view.rerender(shown([{ href: '#field', message: 'Enter a shorter name' }]));
    await waitFor(() => expect(document.activeElement).toBe(summary));
  });

  it('leaves a link to another page to the browser', () => {
    const view = render(h(ErrorSummary, { errors: [{ href: '/drafts/1/step/name?change=1', message: 'Enter a name' }] }));
    const link = view.container.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/drafts/1/step/name?change=1');
    expect(fireEvent.click(link)).toBe(true);
  });
});
