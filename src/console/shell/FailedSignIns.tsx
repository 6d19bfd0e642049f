import { NotificationBanner } from '../../govuk/NotificationBanner.tsx';
import type { SessionResponse } from '../../shared/accounts.ts';
import { content } from './content.ts';

const text = content.signIn;

/**
 * Tells the person who has just signed in that someone failed to sign in as them since their previous
 * sign-in: this service sends no email, so the console is where they learn of it.
 */
export function FailedSignIns({ failed }: { failed: SessionResponse['failedSignIns'] }) {
  if (!failed) return null;
  return (
    <NotificationBanner title={text.noticeTitle.important} titleId="failed-sign-ins-title" heading={text.failedAttempts(failed.count, failed.since)}>
      <p class="govuk-body">{text.failedAttemptsBody}</p>
    </NotificationBanner>
  );
}
