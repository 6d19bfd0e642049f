import { getDraft } from '../../store/drafts.ts';
import { removePerson } from '../../store/encounter-people.ts';
import { type Encounter } from '../../store/encounters.ts';
import { encounterContent } from './content.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useKey, useServices } from '../shell/services.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { Confirm } from './Confirm.tsx';

const text = encounterContent;
export function ConfirmRemovePerson({ encounter, personId }: { encounter: Encounter; personId: string }) {
  const { db, clock } = useServices();
  const key = useKey();
  const draft = useLiveQuery(async () => (await getDraft(db, key, personId)) ?? null, [db, key, personId]);
  if (draft === undefined) return null;
  return (
    <Confirm
      title={text.removeTitle}
      back={paths.encounter(encounter.id)}
      confirm={text.removeConfirm}
      warning
      onConfirm={async () => {
        await removePerson(db, key, encounter, personId, clock.now());
        navigate(paths.encounter(encounter.id), { replace: true });
      }}
    >
      <p class="govuk-body app-break-words">{draft?.caseLabel}</p>
      <p class="govuk-body">{text.removeBody}</p>
    </Confirm>
  );
}
