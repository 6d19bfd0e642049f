import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { govukText } from './text.ts';

export interface NotificationBannerProps {
  /** `success` (green) for what someone just did; `important` (blue) for what they need to know. */
  type?: 'success' | 'important';
  /** The banner's title bar, labelling it; GOV.UK's "Success" or "Important" unless given. */
  title?: string;
  /** The title's id, unique on the page. */
  titleId: string;
  /** The banner's main message, in bold. */
  heading?: string;
  /** `alert` to announce it at once; GOV.UK uses it for success banners, and `region` otherwise. */
  role?: 'alert' | 'region';
  /**
   * Takes focus when it appears, so it is read out first: for a screen that changed under someone
   * (signed out, session ended), as GOV.UK does for a success banner after a form is sent.
   */
  focusOnShow?: boolean;
  children?: ComponentChildren;
}

/** GOV.UK notification banner. */
export function NotificationBanner({ type = 'important', title, titleId, heading, role, focusOnShow = false, children }: NotificationBannerProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnShow) ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={focusOnShow ? -1 : undefined}
      class={`govuk-notification-banner${type === 'success' ? ' govuk-notification-banner--success' : ''}`}
      role={role ?? (type === 'success' ? 'alert' : 'region')}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={titleId}>
          {title ?? govukText.notificationTitle[type]}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        {heading ? <p class="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}
