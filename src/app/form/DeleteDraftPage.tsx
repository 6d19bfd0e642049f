import { useState } from 'preact/hooks';
import type { Draft } from '../../store/drafts.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { Link } from '../shell/Link.tsx';
import { formatDateTime } from '../shell/format.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useDrafts } from './use-drafts.ts';
import { deleteContent as text } from './delete-content.ts';

/** Deleting a draft, on a GOV.UK confirmation page (never the browser's confirm()): which one, that it cannot be undone, then Delete or Cancel. */
export function DeleteDraftPage({ draft }: { draft: Draft }) {
  const store = useDrafts();
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    await store.remove(draft.id);
    navigate(paths.home, { replace: true });
  };
  return (
    <>
      <BackLink href={paths.home} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{text.title}</h1>
          <p class="govuk-body app-break-words">
            <strong>{draft.caseLabel || text.untitled}</strong>, {text.lastChanged} {formatDateTime(draft.updatedAt)}.
          </p>
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">{text.warning}</strong>
          </div>
          <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" disabled={busy} onClick={() => void remove()}>
              {text.confirm}
            </button>
            <Link href={paths.home}>{text.cancel}</Link>
          </div>
        </div>
      </div>
    </>
  );
}
