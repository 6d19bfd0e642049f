import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { content } from '../content.ts';

/**
 * GOV.UK notification banner. It says what just happened to someone whose screen changed under them
 * (signed out, session ended), so it takes focus and is announced, as GOV.UK success banners are.
 */
export function NotificationBanner({ type, heading, children }: { type: 'success' | 'important'; heading: string; children?: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      class={`govuk-notification-banner${type === 'success' ? ' govuk-notification-banner--success' : ''}`}
      role={type === 'success' ? 'alert' : 'region'}
      aria-labelledby="notice-title"
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="notice-title">
          {content.signIn.noticeTitle[type]}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
