import { useEffect, useState } from 'preact/hooks';
import { nextPlace, pageNumber, previousPage, resumePlace } from '../../shared/form/journey.ts';
import { CHECK, type Answers } from '../../shared/form/model.ts';
import { EVIDENCE_ACCEPT } from '../../shared/evidence-limits.ts';
import { type Draft } from '../../store/drafts.ts';
import { type AttachedFile } from '../../store/evidence.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Button } from '../../govuk/Button.tsx';
import { FormGroup } from '../../govuk/field-parts.tsx';
import { evidenceText } from './content.ts';
import { smallerName } from './downscale.ts';
import { checkChosen, type PendingFile } from './evidence-choice.ts';
import { formatBytes, freeSpace } from './file-size.ts';
import { navigate, paths } from '../shell/routes.ts';
import type { PageMode } from '../form/page-mode.ts';
import { PendingList } from './PendingList.tsx';
import { useEvidenceFiles } from './use-evidence-files.ts';
import { useDrafts } from '../form/use-drafts.ts';
import { content } from '../shell/content.ts';
import { formContent } from '../form/content.ts';
import { SummaryList } from '../../govuk/SummaryList.tsx';

const text = evidenceText;

// The reconsideration page's file picker travels in this page's lazy chunk: the evidence feature stays one
// chunk, and the first load's list of lazy chunks does not grow.
export { ReconsiderationFiles, reconsiderationEvidence } from './ReconsiderationFiles.tsx';
/** Below this much space left, the page says the device is nearly full. */
const LOW_SPACE = 200_000_000;
/** Room kept free beyond a file's own size (encryption, the database's own bookkeeping). */
const HEADROOM = 1.05;

/**
 * The "Upload evidence" page: attach photos (camera or gallery) and documents to a draft. Each file is
 * checked before it is stored, stored encrypted a chunk at a time, and its id saved as the page's
 * answer, so the journey knows to ask for a description next.
 */
export function EvidencePage({ draft, mode }: { draft: Draft; mode: PageMode }) {
  const files_ = useEvidenceFiles();
  const drafts = useDrafts();
  const [files, setFiles] = useState<AttachedFile[] | undefined>(undefined);
  const [pending, setPending] = useState<PendingFile[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [free, setFree] = useState<number | undefined>(undefined);

  useEffect(() => {
    void files_.list(draft.id).then(setFiles);
    void freeSpace().then(setFree);
  }, [files_, draft.id]);

  const answersWith = (list: readonly AttachedFile[]): Answers => ({ ...draft.answers, evidenceFiles: list.length > 0 ? list.map((file) => file.id) : undefined });
  const remember = async (list: AttachedFile[]) => {
    setFiles(list);
    await drafts.save(draft.id, { answers: { evidenceFiles: answersWith(list).evidenceFiles } });
    setFree(await freeSpace());
  };

  const refuse = (messages: string[]) => {
    setErrors(messages);
    if (messages.length > 0) setAttempt((n) => n + 1);
  };

  const choose = async (input: HTMLInputElement) => {
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    if (chosen.length === 0 || !files) return;
    setBusy(true);
    const { accepted, refusals } = await checkChosen(chosen, files.length + pending.length);
    setPending((waiting) => [...waiting, ...accepted]);
    refuse(refusals);
    setBusy(false);
  };

  const attach = async () => {
    if (!files) return;
    setBusy(true);
    setStatus(text.adding(pending.length));
    const refusals: string[] = [];
    let list = files;
    let room = free;
    for (const item of pending) {
      const blob = item.useSmaller && item.smaller ? item.smaller : item.file;
      const name = item.useSmaller && item.smaller ? smallerName(item.file.name) : item.file.name;
      if (room !== undefined && blob.size * HEADROOM > room) {
        refusals.push(text.refusal.space(item.file.name, formatBytes(room)));
        continue;
      }
      try {
        const stored = await files_.attach(draft.id, blob, name, item.smaller && item.useSmaller ? 'image/jpeg' : item.type);
        list = [...list, stored];
        if (room !== undefined) room -= blob.size * HEADROOM;
      } catch {
        refusals.push(text.refusal.failed(item.file.name));
      }
    }
    setPending([]);
    await remember(list);
    refuse(refusals);
    setStatus(text.attached(list.length));
    setBusy(false);
  };

  const remove = async (file: AttachedFile) => {
    if (!files) return;
    await files_.remove(file.id);
    await remember(files.filter((kept) => kept.id !== file.id));
    setStatus(text.removed(file.name));
  };

  const journey = { caseLabel: draft.caseLabel, ...answersWith(files ?? []) };
  const previous = previousPage('evidence', journey);
  const back = mode === 'change' ? paths.check(draft.id) : previous ? paths.step(draft.id, previous) : paths.home;
  const onContinue = () => {
    const place = mode === 'change' ? resumePlace(journey) : nextPlace('evidence', journey);
    navigate(place === CHECK ? paths.check(draft.id) : paths.step(draft.id, place, mode === 'change'));
  };

  if (!files) return null;
  return (
    <>
      <BackLink href={back} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors.map((message, i) => ({ href: '#evidence-files', message: message + '\u200b'.repeat(i) }))} attempt={attempt} />
          <span class="govuk-caption-m">
            {formContent.sections.evidence} · {formContent.pageNumber(pageNumber('evidence', journey))}
          </span>
          <h1 class="govuk-heading-l">{text.title}</h1>
          <p class="govuk-body">{text.lead}</p>
          <p class="govuk-body">{text.rules}</p>
          {free !== undefined ? (
            <p class={free < LOW_SPACE ? 'govuk-warning-text__text govuk-body' : 'govuk-body-s'} data-testid="storage-left">
              {free < LOW_SPACE ? text.storageLow(formatBytes(free)) : text.storage(formatBytes(free))}
            </p>
          ) : null}
          <FormGroup id="evidence-camera" label={text.takePhoto} hint={text.takePhotoHint}>
            <input
              class="govuk-file-upload"
              id="evidence-camera"
              type="file"
              accept="image/jpeg,image/png"
              capture="environment"
              aria-describedby="evidence-camera-hint"
              disabled={busy}
              onChange={(event) => void choose(event.currentTarget)}
            />
          </FormGroup>
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
          {pending.length > 0 ? <PendingList pending={pending} busy={busy} onChange={setPending} onAttach={() => void attach()} /> : null}
          <h2 class="govuk-heading-m" data-testid="evidence-count">
            {files.length > 0 ? text.attached(files.length) : text.noneAttached}
          </h2>
          {files.length > 0 ? (
            <SummaryList
              data-testid="evidence-list"
              rows={files.map((file) => ({
                id: file.id,
                key: file.name,
                keyClass: 'govuk-!-text-break-word',
                value: formatBytes(file.size),
                actions: (
                  <button type="button" class="govuk-link app-link-button" onClick={() => void remove(file)} disabled={busy}>
                    {text.remove}
                    <span class="govuk-visually-hidden"> {file.name}</span>
                  </button>
                ),
              }))}
            />
          ) : null}
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
