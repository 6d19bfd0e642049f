import { type Encounter } from '../../store/encounters.ts';
import { encounterContent } from './content.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { Confirm } from './Confirm.tsx';
import { useEncounters } from './use-encounters.ts';

const text = encounterContent;

export function ConfirmEncounterAction({ encounter, action }: { encounter: Encounter; action: 'close' | 'delete' }) {
  const encounters = useEncounters();
  // How many of the encounter's people are still drafts on this device (not yet queued).
  const unsent = useLiveQuery(() => encounters.unsentCount(encounter.id), [encounters, encounter.id]);
  if (unsent === undefined) return null;
  const back = paths.encounter(encounter.id);
  if (action === 'close') {
    return (
      <Confirm
        title={text.closeTitle}
        back={back}
        confirm={text.closeConfirm}
        onConfirm={async () => {
          await encounters.setClosed(encounter.id, true);
          navigate(paths.home);
        }}
      >
        <p class="govuk-body">{text.closeBody(unsent)}</p>
      </Confirm>
    );
  }
  return (
    <Confirm
      title={text.deleteTitle}
      back={back}
      confirm={text.deleteConfirm}
      warning
      onConfirm={async () => {
        await encounters.remove(encounter.id);
        navigate(paths.home, { replace: true });
      }}
    >
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          {text.deleteBody(unsent)}
        </strong>
      </div>
    </Confirm>
  );
}
