import { content } from './content.ts';
import type { InstallState } from './install.ts';

export function InstallOffer({ state, onInstall }: { state: InstallState; onInstall: () => void }) {
  if (state === 'available') {
    return (
      <div class="govuk-inset-text">
        <p class="govuk-body">{content.install.offer}</p>
        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={onInstall}>
          {content.install.action}
        </button>
      </div>
    );
  }
  if (state === 'ios') return <div class="govuk-inset-text">{content.install.ios}</div>;
  return null;
}
