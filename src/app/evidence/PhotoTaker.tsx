import { useRef } from 'preact/hooks';
import { Button } from '../../govuk/Button.tsx';
import { AttachedFileList } from './AttachedFileList.tsx';
import { evidenceText } from './content.ts';
import type { useOwnedEvidence } from './use-draft-evidence.ts';

const text = evidenceText;

/**
 * Photos taken there and then with the camera: each stored encrypted as soon as it is taken, listed
 * with its thumbnail. A person's photos and the scene's alike; `id` names the hidden camera input.
 */
export function PhotoTaker({ evidence, id, heading, hint, testId, listTestId }: { evidence: ReturnType<typeof useOwnedEvidence>; id: string; heading: string; hint: string; testId: string; listTestId: string }) {
  const { files, previews, errors, status, busy, choose, remove } = evidence;
  const camera = useRef<HTMLInputElement>(null);
  if (!files) return null;
  return (
    <div class={`govuk-form-group${errors.length > 0 ? ' govuk-form-group--error' : ''}`} data-testid={testId}>
      <h2 class="govuk-heading-m">{heading}</h2>
      <p class="govuk-hint">{hint}</p>
      {errors.map((message) => (
        <p class="govuk-error-message" key={message}>
          <span class="govuk-visually-hidden">Error:</span> {message}
        </p>
      ))}
      <input ref={camera} id={id} type="file" accept="image/jpeg,image/png" capture="environment" hidden disabled={busy} onChange={(event) => void choose(event.currentTarget)} />
      <Button type="button" secondary disabled={busy} onClick={() => camera.current?.click()}>
        {text.takePhoto}
      </Button>
      <AttachedFileList files={files} previews={previews} busy={busy} onRemove={(file) => void remove(file)} testId={listTestId} />
      <p class="govuk-body-s" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
