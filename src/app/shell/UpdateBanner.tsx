import { content } from './content.ts';

/** Offered, never forced: the app reloads only when the user says so, so no form is cut off mid-answer. */
export function UpdateBanner({ onUpdate }: { onUpdate: () => void }) {
  return (
    <div class="govuk-notification-banner" role="region" aria-labelledby="update-banner-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="update-banner-title">
          {content.update.title}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-body">{content.update.body}</p>
        <button type="button" class="govuk-button govuk-!-margin-bottom-0" onClick={onUpdate}>
          {content.update.action}
        </button>
      </div>
    </div>
  );
}
