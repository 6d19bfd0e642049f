import { useRef } from 'preact/hooks';
import { nextPlace, pageById, previousPage, resumePlace } from '../../shared/form/journey.ts';
import { CHECK } from '../../shared/form/model.ts';
import { EVIDENCE_ACCEPT } from '../../shared/evidence-limits.ts';
import { type Draft } from '../../store/drafts.ts';
import type { AttachedFile } from '../../store/evidence.ts';
import { FormPageTop } from '../form/FormPageTop.tsx';
import { captionOf } from '../form/page-caption.ts';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Button } from '../../govuk/Button.tsx';
import { evidenceText } from './content.ts';
import { formatBytes } from './file-size.ts';
import { navigate, paths } from '../shell/routes.ts';
import type { PageMode } from '../form/page-mode.ts';
import { AttachedFileList } from './AttachedFileList.tsx';
import { useDraftEvidence } from './use-draft-evidence.ts';
import { content } from '../shell/content.ts';

const text = evidenceText;

// The reconsideration page's file picker travels in this page's lazy chunk: the evidence feature stays one
// chunk, and the first load's list of lazy chunks does not grow.
export { ReconsiderationFiles, reconsiderationEvidence } from './ReconsiderationFiles.tsx';
/** Below this much space left, the page says the device is nearly full. */
const LOW_SPACE = 200_000_000;

/**
 * The "Upload evidence" page: photos (camera or gallery) and documents, each stored encrypted as soon as
 * it is chosen (use-draft-evidence.ts). One primary action: Continue.
 */
export function EvidencePage({ draft, mode }: { draft: Draft; mode: PageMode }) {
  const { files, previews, sizing, errors, attempt, status, busy, free, answersWith, choose, resize, remove } = useDraftEvidence(draft);
  const camera = useRef<HTMLInputElement>(null);

  const journey = { caseLabel: draft.caseLabel, ...answersWith(files ?? []) };
  const evidencePage = pageById('evidence');
  const previous = previousPage('evidence', journey);
  const back = mode === 'change' ? paths.check(draft.id) : previous ? paths.step(draft.id, previous) : paths.home;
  const onContinue = () => {
    const place = mode === 'change' ? resumePlace(journey) : nextPlace('evidence', journey);
    navigate(place === CHECK ? paths.check(draft.id) : paths.step(draft.id, place, mode === 'change'));
  };

  const sizeChoice = (file: AttachedFile) => {
    const known = sizing[file.id];
    if (!known?.chosen.smaller) return null;
    return (
      <>
        {known.smaller ? (
          <>
            <br />
            <span class="govuk-body-s">{text.smallerOf(formatBytes(known.chosen.file.size))}</span>
          </>
        ) : null}
        <br />
        <button type="button" class="govuk-link app-link-button" onClick={() => void resize(file)} disabled={busy}>
          {known.smaller ? text.useOriginal(formatBytes(known.chosen.file.size)) : text.useSmaller(formatBytes(known.chosen.smaller.size))}
          <span class="govuk-visually-hidden"> {file.name}</span>
        </button>
      </>
    );
  };

  if (!files) return null;
  return (
    <>
      <FormPageTop back={back} draftId={draft.id} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors.map((message, i) => ({ href: '#evidence-files', message: message + '\u200b'.repeat(i) }))} attempt={attempt} />
          <span class="govuk-caption-m">{evidencePage ? captionOf(evidencePage, journey) : null}</span>
          <h1 class="govuk-heading-l">{text.title}</h1>
          <p class="govuk-body">{text.lead}</p>
          <p class="govuk-body">{text.rules}</p>
          {free !== undefined ? (
            <p class={free < LOW_SPACE ? 'govuk-warning-text__text govuk-body' : 'govuk-body-s'} data-testid="storage-left">
              {free < LOW_SPACE ? text.storageLow(formatBytes(free)) : text.storage(formatBytes(free))}
            </p>
          ) : null}
          {/* The camera opens from a GOV.UK button; its file input stays out of sight and out of the tab order. */}
          <input ref={camera} id="evidence-camera" type="file" accept="image/jpeg,image/png" capture="environment" hidden disabled={busy} onChange={(event) => void choose(event.currentTarget)} />
          <Button type="button" secondary disabled={busy} onClick={() => camera.current?.click()}>
            {text.takePhoto}
          </Button>
          <div class={`govuk-form-group${errors.length > 0 ? ' govuk-form-group--error' : ''}`}>
            <label class="govuk-label govuk-label--s" for="evidence-files">
              {text.chooseFiles}
            </label>
            <div class="govuk-hint" id="evidence-files-hint">
              {text.chooseFilesHint}
            </div>
            {errors.map((message) => (
              <p class="govuk-error-message" key={message}>
                <span class="govuk-visually-hidden">Error:</span> {message}
              </p>
            ))}
            <input
              class={`govuk-file-upload${errors.length > 0 ? ' govuk-file-upload--error' : ''}`}
              id="evidence-files"
              type="file"
              multiple
              accept={EVIDENCE_ACCEPT}
              aria-describedby="evidence-files-hint"
              disabled={busy}
              onChange={(event) => void choose(event.currentTarget)}
            />
          </div>
          <h2 class="govuk-heading-m" data-testid="evidence-count">
            {files.length > 0 ? text.attached(files.length) : text.noneAttached}
          </h2>
          <AttachedFileList files={files} previews={previews} busy={busy} onRemove={(file) => void remove(file)} extra={sizeChoice} testId="evidence-list" />
          <p class="govuk-body-s" aria-live="polite" data-testid="evidence-status">
            {status}
          </p>
          <Button type="button" onClick={onContinue}>
            {content.continue}
          </Button>
        </div>
      </div>
    </>
  );
}
