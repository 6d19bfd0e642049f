import { useState } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { Link } from '../shell/Link.tsx';
import { navigate, paths } from '../shell/routes.ts';
import { DeviceEnrolment } from './DeviceEnrolment.tsx';
import { settingsContent } from './content.ts';

const text = settingsContent.firstRun;

/**
 * The first run's last step on a server that takes referrals only from enrolled devices: sign in once
 * now, so no referral waits "paused" for a step nobody was told about. It can wait, saying what waiting means.
 */
export function FirstRunEnrolment() {
  const [enrolled, setEnrolled] = useState(false);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{text.title}</h1>
        <p class="govuk-body">{text.lead}</p>
        <DeviceEnrolment onEnrolled={() => setEnrolled(true)} />
        {enrolled ? (
          <Button onClick={() => navigate(paths.home)}>{text.done}</Button>
        ) : (
          <>
            <div class="govuk-inset-text">{text.laterWarning}</div>
            <p class="govuk-body">
              <Link href={paths.home}>{text.later}</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
