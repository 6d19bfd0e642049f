// @vitest-environment happy-dom
// The GOV.UK character count with a threshold (issue 16): nothing shows on a box far from its limit; a
// screen reader hears the limit; near the limit the count shows, and past it the count is an error.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Textarea } from '../../src/govuk/Textarea.tsx';
import { formContent } from '../../src/app/form/content.ts';

afterEach(cleanup);

function countOf(value: string, threshold?: number) {
  const { container } = render(<Textarea id="account" label="How did it start?" maxLength={100} threshold={threshold} countText={formContent.characters} field={{ value, onInput: () => undefined }} />);
  const message = container.querySelector<HTMLElement>('#account-info')!;
  const textarea = container.querySelector('textarea')!;
  return { text: message.textContent, hidden: message.classList.contains('govuk-visually-hidden'), error: message.classList.contains('govuk-error-message'), describedBy: textarea.getAttribute('aria-describedby') };
}

describe('character count with a threshold', () => {
  it('shows nothing below the threshold, and tells a screen reader the limit', () => {
    expect(countOf('x'.repeat(74), 75)).toEqual({ text: 'You can enter up to 100 characters', hidden: true, error: false, describedBy: 'account-info' });
  });

  it('shows what is left from the threshold on', () => {
    expect(countOf('x'.repeat(75), 75)).toEqual({ text: 'You have 25 characters remaining', hidden: false, error: false, describedBy: 'account-info' });
  });

  it('shows what is over past the limit, as an error', () => {
    expect(countOf('x'.repeat(101), 75)).toEqual({ text: 'You have 1 character too many', hidden: false, error: true, describedBy: 'account-info' });
  });

  it('without a threshold, always shows what is left (the console’s boxes)', () => {
    expect(countOf('', undefined)).toMatchObject({ text: 'You have 100 characters remaining', hidden: false });
  });
});
