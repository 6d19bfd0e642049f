// @vitest-environment happy-dom
// Before an anonymous Duty to Notify report is sealed (issue 14): every answer in the responder's own
// words together, with the reminder; nothing for any other referral; never the device-only case label.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AnonymousReminder } from '../../src/app/form/AnonymousReminder.tsx';
import { examples } from '../support/referral-examples.ts';

afterEach(cleanup);

describe('the anonymous report reminder on check your answers', () => {
  it('lists what the report says in the responder’s words, each with a Change link, under the warning', () => {
    const { getByTestId } = render(<AnonymousReminder draftId="d1" answers={examples.dtn} />);
    const reminder = getByTestId('anonymous-reminder');
    expect(reminder.textContent).toContain('take out anything that could identify them');
    expect(reminder.textContent).toContain(String(examples.dtn.interview));
    expect(reminder.textContent).not.toContain(String(examples.dtn.caseLabel));
    const changes = [...reminder.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((href) => href?.startsWith('/referral/d1/'))).toBe(true);
  });

  it('shows nothing on a referral the person agreed to, or a report they will help the police with', () => {
    for (const answers of [examples['adult-nrm'], examples['dtn-cooperating'], examples.child]) {
      const { container } = render(<AnonymousReminder draftId="d1" answers={answers} />);
      expect(container.innerHTML).toBe('');
      cleanup();
    }
  });
});
