import { type Encounter } from '../../store/encounters.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { ConfirmEncounterAction } from './ConfirmEncounterAction.tsx';
import { ConfirmRemovePerson } from './ConfirmRemovePerson.tsx';
import { EncounterDetailsForm } from './EncounterDetailsForm.tsx';
import { EncounterFamily } from './EncounterFamily.tsx';
import { EncounterList } from './EncounterList.tsx';
import { EncounterPage } from './EncounterPage.tsx';
import { QuickCapture } from './QuickCapture.tsx';
import { NotFound } from '../shell/NotFound.tsx';
import type { MatchedRoute } from '../shell/routes.ts';
import { useEncounters } from './use-encounters.ts';

/** For the start page, which loads it with this chunk. */
export { OpenEncounters } from './OpenEncounters.tsx';

/** Reads the encounter live, so its screens follow changes from the outbox, other tabs and the service worker. */
function WithEncounter({ id, children }: { id: string; children: (encounter: Encounter) => preact.ComponentChildren }) {
  const encounters = useEncounters();
  const encounter = useLiveQuery(async () => (await encounters.get(id)) ?? null, [encounters, id]);
  if (encounter === undefined) return null;
  if (encounter === null) return <NotFound />;
  return <>{children(encounter)}</>;
}

/** The routes of encounter mode (src/app/shell/routes.ts). */
export type EncounterRoute = Extract<MatchedRoute, { name: 'encounters' | 'newEncounter' | 'encounter' | 'encounterAction' | 'person' }>;

/** The encounter mode's screens, loaded together when first needed (and precached for offline use). */
export function EncounterScreens({ route }: { route: EncounterRoute }) {
  switch (route.name) {
    case 'encounters':
      return <EncounterList />;
    case 'newEncounter':
      return <EncounterDetailsForm />;
    case 'person': {
      const { encounterId, personId, action } = route.params;
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
    case 'encounter':
      return <WithEncounter id={route.params.id}>{(encounter) => <EncounterPage encounter={encounter} />}</WithEncounter>;
    case 'encounterAction': {
      const { id, action } = route.params;
      return (
        <WithEncounter id={id}>
          {(encounter) =>
            action === 'details' ? (
              <EncounterDetailsForm encounter={encounter} />
            ) : action === 'close' || action === 'delete' ? (
              <ConfirmEncounterAction encounter={encounter} action={action} />
            ) : (
              <NotFound />
            )
          }
        </WithEncounter>
      );
    }
  }
}
