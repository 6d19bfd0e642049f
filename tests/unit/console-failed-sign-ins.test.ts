// @vitest-environment happy-dom
// What the console tells someone who signs in after others failed to sign in as them.
import { cleanup, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FailedSignIns } from '../../src/console/shell/FailedSignIns.tsx';

afterEach(cleanup);

describe('failed sign-ins, told at sign-in', () => {
  it('says how many and since when, in a labelled banner, and what to do', () => {
    const view = render(h(FailedSignIns, { failed: { count: 12, since: '2026-03-12T10:31:00.000Z' } }));
    const banner = view.getByRole('region', { name: 'Important' });
    expect(banner.querySelector('.govuk-notification-banner__heading')?.textContent).toBe('There were 12 failed attempts to sign in to your account since 12 Mar 2026, 10:31');
    expect(banner.textContent).toContain('tell an administrator of your organisation');
  });

  it('says one attempt plainly, and nothing at all when there were none', () => {
    const one = render(h(FailedSignIns, { failed: { count: 1, since: '2026-07-01T08:00:00.000Z' } }));
    expect(one.container.textContent).toContain('There was 1 failed attempt to sign in to your account since 1 Jul 2026, 09:00');
    cleanup();
    expect(render(h(FailedSignIns, { failed: undefined })).container.innerHTML).toBe('');
  });
});
