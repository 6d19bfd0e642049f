import { type Encounter } from '../../store/encounters.ts';
import { encounterContent } from './content.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { Confirm } from './Confirm.tsx';
import { useEncounters } from './use-encounters.ts';
import { useDrafts } from '../form/use-drafts.ts';

const text = encounterContent;
export function ConfirmRemovePerson({ encounter, personId }: { encounter: Encounter; personId: string }) {
  const drafts = useDrafts();
  const encounters = useEncounters();
  const draft = useLiveQuery(async () => (await drafts.get(personId)) ?? null, [drafts, personId]);
  if (draft === undefined) return null;
  return (
    <Confirm
      title={text.removeTitle}
      back={paths.encounter(encounter.id)}
      confirm={text.removeConfirm}
      warning
      onConfirm={async () => {
        await encounters.removePerson(encounter, personId);
        navigate(paths.encounter(encounter.id), { replace: true });
      }}
    >
      <p class="govuk-body app-break-words">{draft?.caseLabel}</p>
      <p class="govuk-body">{text.removeBody}</p>
    </Confirm>
  );
}
