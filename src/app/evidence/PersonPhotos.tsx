import { useRef } from 'preact/hooks';
import type { Draft } from '../../store/drafts.ts';
import { Button } from '../../govuk/Button.tsx';
import { AttachedFileList } from './AttachedFileList.tsx';
import { evidenceText } from './content.ts';
import { useDraftEvidence } from './use-draft-evidence.ts';

const text = evidenceText;

/**
 * Photos taken at the encounter, there and then, into the person's own draft: they arrive on the
 * evidence page later with a description still to write. Each is stored encrypted as soon as it is taken.
 */
export function PersonPhotos({ draft }: { draft: Draft }) {
  const { files, previews, errors, status, busy, choose, remove } = useDraftEvidence(draft);
  const camera = useRef<HTMLInputElement>(null);
  if (!files) return null;
  return (
    <div class={`govuk-form-group${errors.length > 0 ? ' govuk-form-group--error' : ''}`} data-testid="person-photos">
      <h2 class="govuk-heading-m">{text.personPhotos}</h2>
      <p class="govuk-hint">{text.personPhotosHint}</p>
      {errors.map((message) => (
        <p class="govuk-error-message" key={message}>
          <span class="govuk-visually-hidden">Error:</span> {message}
        </p>
      ))}
      <input ref={camera} id="person-camera" type="file" accept="image/jpeg,image/png" capture="environment" hidden disabled={busy} onChange={(event) => void choose(event.currentTarget)} />
      <Button type="button" secondary disabled={busy} onClick={() => camera.current?.click()}>
        {text.takePhoto}
      </Button>
      <AttachedFileList files={files} previews={previews} busy={busy} onRemove={(file) => void remove(file)} testId="person-photo-list" />
      <p class="govuk-body-s" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
