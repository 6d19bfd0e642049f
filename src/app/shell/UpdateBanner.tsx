import { content } from './content.ts';
import { NotificationBanner } from '../../govuk/NotificationBanner.tsx';

/** Offered, never forced: the app reloads only when the user says so, so no form is cut off mid-answer. */
export function UpdateBanner({ onUpdate }: { onUpdate: () => void }) {
  return (
    <NotificationBanner title={content.update.title} titleId="update-banner-title">
      <p class="govuk-body">{content.update.body}</p>
      <button type="button" class="govuk-button govuk-!-margin-bottom-0" onClick={onUpdate}>
        {content.update.action}
      </button>
    </NotificationBanner>
  );
}
