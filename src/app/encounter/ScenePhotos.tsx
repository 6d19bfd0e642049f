import { sceneOwner, type Encounter } from '../../store/encounters.ts';
import { evidenceText } from '../evidence/content.ts';
import { PhotoTaker } from '../evidence/PhotoTaker.tsx';
import { useOwnedEvidence } from '../evidence/use-draft-evidence.ts';
import { useEncounters } from './use-encounters.ts';

/**
 * Photos of the place itself (the rooms, the beds, the notices), taken once for everyone met there:
 * each goes, as its own copy, into the referral of every person not yet sent, and of anyone added later.
 */
export function ScenePhotos({ encounter }: { encounter: Encounter }) {
  const encounters = useEncounters();
  const evidence = useOwnedEvidence(sceneOwner(encounter.id), (photos) => encounters.shareScenePhotos(encounter.id, photos));
  return <PhotoTaker evidence={evidence} id="scene-camera" heading={evidenceText.scenePhotos} hint={evidenceText.scenePhotosHint} testId="scene-photos" listTestId="scene-photo-list" />;
}
