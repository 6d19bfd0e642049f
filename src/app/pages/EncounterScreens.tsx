import { getEncounter, type Encounter } from '../../store/encounters.ts';
import { useKey, useServices } from '../services.ts';
import { useLiveQuery } from '../use-live-query.ts';
import { ConfirmEncounterAction, ConfirmRemovePerson } from './EncounterConfirm.tsx';
import { EncounterDetailsForm } from './EncounterDetails.tsx';
import { EncounterFamily } from './EncounterFamily.tsx';
import { EncounterList } from './EncounterList.tsx';
import { EncounterPage } from './EncounterPage.tsx';
import { QuickCapture } from './EncounterPerson.tsx';
import { NotFound } from './NotFound.tsx';

/** For the start page, which loads it with this chunk. */
export { OpenEncounters } from './HomeEncounters.tsx';

const ID = '[0-9a-f-]{36}';
const ENCOUNTER = new RegExp(`^/encounter/(${ID})(?:/(details|close|delete))?$`);
const PERSON = new RegExp(`^/encounter/(${ID})/person/(${ID})/(quick|family|remove)$`);

/** Reads the encounter live, so its screens follow changes from the outbox, other tabs and the service worker. */
function WithEncounter({ id, children }: { id: string; children: (encounter: Encounter) => preact.ComponentChildren }) {
  const { db } = useServices();
  const key = useKey();
  const encounter = useLiveQuery(async () => (await getEncounter(db, key, id)) ?? null, [db, key, id]);
  if (encounter === undefined) return null;
  if (encounter === null) return <NotFound />;
  return <>{children(encounter)}</>;
}

/** The encounter mode's screens, loaded together when first needed (and precached for offline use). */
export function EncounterScreens({ path }: { path: string }) {
  if (path === '/encounters') return <EncounterList />;
  if (path === '/encounter/new') return <EncounterDetailsForm />;
  const person = PERSON.exec(path);
  if (person?.[1] && person[2]) {
    const [, encounterId, personId, action] = person;
    return (
      <WithEncounter id={encounterId}>
        {(encounter) =>
          !encounter.people.includes(personId) ? (
            <NotFound />
          ) : action === 'family' ? (
            <EncounterFamily encounter={encounter} personId={personId} />
          ) : action === 'remove' ? (
            <ConfirmRemovePerson encounter={encounter} personId={personId} />
          ) : (
            <QuickCapture key={personId} encounter={encounter} personId={personId} />
          )
        }
      </WithEncounter>
    );
  }
  const match = ENCOUNTER.exec(path);
  if (!match?.[1]) return <NotFound />;
  const action = match[2];
  return (
    <WithEncounter id={match[1]}>
      {(encounter) =>
        action === 'details' ? (
          <EncounterDetailsForm encounter={encounter} />
        ) : action === 'close' || action === 'delete' ? (
          <ConfirmEncounterAction encounter={encounter} action={action} />
        ) : (
          <EncounterPage encounter={encounter} />
        )
      }
    </WithEncounter>
  );
}
