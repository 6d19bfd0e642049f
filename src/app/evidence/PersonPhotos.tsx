import type { Draft } from '../../store/drafts.ts';
import { evidenceText } from './content.ts';
import { PhotoTaker } from './PhotoTaker.tsx';
import { useDraftEvidence } from './use-draft-evidence.ts';

/**
 * Photos taken at the encounter, there and then, into the person's own draft: they arrive on the
 * evidence page later with a description still to write.
 */
export function PersonPhotos({ draft }: { draft: Draft }) {
  return <PhotoTaker evidence={useDraftEvidence(draft)} id="person-camera" heading={evidenceText.personPhotos} hint={evidenceText.personPhotosHint} testId="person-photos" listTestId="person-photo-list" />;
}
