import { useState } from 'preact/hooks';
import { profileFrom } from '../../shared/form/responder-profile.ts';
import type { Draft } from '../../store/drafts.ts';
import type { ProfileStore } from '../../store/responder-profile.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { Button, ButtonGroup } from '../../govuk/Button.tsx';
import { navigate } from '../shell/routes.ts';
import { profileContent } from './profile-content.ts';

const text = profileContent;

/**
 * Asked once, after the first referral's own details are answered: keep them on this device so every
 * later referral starts with them. Either answer goes on to `next`, the page after those details.
 */
export function SaveDetailsOffer({ draft, store, back, next }: { draft: Draft; store: ProfileStore; back: string; next: string }) {
  const [busy, setBusy] = useState(false);
  const answer = (keep: boolean) => async () => {
    if (busy) return;
    setBusy(true);
    await (keep ? store.save(profileFrom(draft.answers)) : store.decline());
    navigate(next, { replace: true });
  };
  return (
    <>
      <BackLink href={back} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{text.offerTitle}</h1>
          <p class="govuk-body">{text.offerLead}</p>
          <ButtonGroup>
            <Button ariaDisabled={busy} onClick={() => void answer(true)()}>
              {text.offerYes}
            </Button>
            <Button secondary ariaDisabled={busy} onClick={() => void answer(false)()}>
              {text.offerNo}
            </Button>
          </ButtonGroup>
        </div>
      </div>
    </>
  );
}
