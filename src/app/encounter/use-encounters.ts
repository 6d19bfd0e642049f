import { useMemo } from 'preact/hooks';
import type { EncounterDetails } from '../../shared/encounter.ts';
import type { Draft } from '../../store/drafts.ts';
import { addPerson, peopleOf, removePerson, saveEncounterDetails } from '../../store/encounter-people.ts';
import type { AttachedFile } from '../../store/evidence.ts';
import { shareScenePhotos } from '../../store/scene-photos.ts';
import { createEncounter, deleteEncounter, unsentCount, getEncounter, listEncounters, setClosed, updateEncounter, type Encounter, type EncounterContent } from '../../store/encounters.ts';
import { useKey, useServices } from '../shell/services.ts';

/** Encounters and their people on this device, with the unlocked key and the clock already bound. */
export function useEncounters() {
  const { db, clock } = useServices();
  const key = useKey();
  return useMemo(
    () => ({
      list: () => listEncounters(db, key),
      get: (id: string) => getEncounter(db, key, id),
      create: (details: EncounterDetails) => createEncounter(db, key, details, clock.now()),
      saveDetails: (encounter: Encounter, details: EncounterDetails) => saveEncounterDetails(db, key, encounter, details, clock.now()),
      update: (id: string, change: (current: Encounter) => EncounterContent) => updateEncounter(db, key, id, change, clock.now()),
      setClosed: (id: string, closed: boolean) => setClosed(db, id, closed, clock.now()),
      remove: (id: string) => deleteEncounter(db, id),
      unsentCount: (id: string) => unsentCount(db, id),
      addPerson: (encounter: Encounter) => addPerson(db, key, encounter, clock.now()),
      removePerson: (encounter: Encounter, personId: string) => removePerson(db, key, encounter, personId, clock.now()),
      peopleOf: (encounter: Encounter, isComplete: (draft: Draft) => boolean) => peopleOf(db, key, encounter, isComplete),
      shareScenePhotos: (encounterId: string, photos: readonly AttachedFile[]) => shareScenePhotos(db, key, encounterId, photos, clock.now()),
    }),
    [db, key, clock],
  );
}
