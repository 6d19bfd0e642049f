import { outboxStates } from '../../store/outbox.ts';
import { Link } from '../shell/Link.tsx';
import { paths } from '../shell/routes.ts';
import { useServices } from '../shell/services.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { settingsContent } from './content.ts';

const text = settingsContent.settings;
/** One confirmation, with a warning first if anything is still unsent. Works while locked too. */
export function WipePage() {
  const { db, wipe } = useServices();
  const states = useLiveQuery(() => outboxStates(db), [db]) ?? [];
  const unsent = states.filter((state) => state !== 'delivered').length;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{text.wipeConfirmTitle}</h1>
        <p class="govuk-body">{text.wipeBody}</p>
        {unsent > 0 ? (
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text" data-testid="wipe-unsent">
              {text.wipeUnsent(unsent)}
            </strong>
          </div>
        ) : null}
        <div class="govuk-button-group">
          <button type="button" class="govuk-button govuk-button--warning" onClick={() => void wipe()}>
            {text.wipeConfirm}
          </button>
          <Link href={paths.home}>{text.wipeCancel}</Link>
        </div>
      </div>
    </div>
  );
}
