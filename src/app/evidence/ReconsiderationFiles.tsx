import { useEffect, useState } from 'preact/hooks';
import { EVIDENCE_ACCEPT, PHOTO_TYPES, evidenceTypeOf, type EvidenceType } from '../../shared/evidence-limits.ts';
import { evidenceForSending, listFiles, type AttachedFile } from '../../store/evidence.ts';
import type { FieldDatabase } from '../../store/db.ts';
import { AttachedFileList, usePreviews } from './AttachedFileList.tsx';
import { evidenceText } from './content.ts';
import { thumbnailOf } from './downscale.ts';
import { refusalOf } from './evidence-choice.ts';
import { useEvidenceFiles } from './use-evidence-files.ts';
import { useKey, useServices } from '../shell/services.ts';

const text = evidenceText.reconsideration;

/** The manifest and upload plan of the files waiting under `waitingUnder` for a request; undefined when none. */
export async function reconsiderationEvidence(db: FieldDatabase, key: CryptoKey, waitingUnder: string) {
  return evidenceForSending(db, key, (await listFiles(db, key, waitingUnder)).map((file) => file.id));
}

/**
 * New evidence for a reconsideration request: photos and documents, with the referral's limits. Each
 * file is stored encrypted as soon as it is chosen (a chunk at a time, as on the evidence page), shown
 * with a thumbnail or its type, and can be removed; they wait under `waitingUnder` (a draftId) until the
 * request is sealed, which takes them. `id`: the file input's; `onErrors`: the refusals, for the page's error summary.
 */
export function ReconsiderationFiles({ id, waitingUnder, onErrors }: { id: string; waitingUnder: string; onErrors: (messages: string[]) => void }) {
  const { db } = useServices();
  const key = useKey();
  const files_ = useEvidenceFiles();
  const [files, setFiles] = useState<AttachedFile[] | undefined>(undefined);
  const { previews, add: show, drawStored } = usePreviews(db, key);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void files_.list(waitingUnder).then(async (listed) => {
      if (!live) return;
      setFiles(listed);
      await drawStored(listed, () => live);
    });
    return () => {
      live = false;
    };
  }, [files_, waitingUnder]);

  const refuse = (messages: string[]) => {
    setErrors(messages);
    onErrors(messages);
  };

  const choose = async (input: HTMLInputElement) => {
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    if (chosen.length === 0 || !files) return;
    setBusy(true);
    setStatus(evidenceText.adding(chosen.length));
    const refusals: string[] = [];
    // Counted from what is stored now, not from this render's list, which an earlier choice may have outgrown.
    let count = (await files_.list(waitingUnder)).length;
    for (const file of chosen) {
      const refusal = refusalOf(file, count);
      const type: EvidenceType | undefined = evidenceTypeOf(file.name, file.type);
      if (refusal || !type) {
        refusals.push(refusal ?? evidenceText.refusal.type(file.name));
        continue;
      }
      try {
        const stored = await files_.attach(waitingUnder, file, file.name, type);
        count += 1;
        setFiles((shown) => [...(shown ?? []), stored]);
        if (PHOTO_TYPES.includes(type)) show(stored.id, await thumbnailOf(file));
      } catch {
        refusals.push(evidenceText.refusal.failed(file.name));
      }
    }
    refuse(refusals);
    setStatus(evidenceText.attached(count));
    setBusy(false);
  };

  const remove = async (file: AttachedFile) => {
    if (!files) return;
    await files_.remove(file.id);
    setFiles((shown) => (shown ?? []).filter((kept) => kept.id !== file.id));
    setStatus(evidenceText.removed(file.name));
  };

  if (!files) return null;
  return (
    <>
      <div class={`govuk-form-group${errors.length > 0 ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--m" for={id}>
          {text.label}
        </label>
        <div class="govuk-hint" id={`${id}-hint`}>
          {text.hint}
        </div>
        {errors.map((message) => (
          <p class="govuk-error-message" key={message}>
            <span class="govuk-visually-hidden">Error:</span> {message}
          </p>
        ))}
        <input
          class={`govuk-file-upload${errors.length > 0 ? ' govuk-file-upload--error' : ''}`}
          id={id}
          type="file"
          multiple
          accept={EVIDENCE_ACCEPT}
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(event) => void choose(event.currentTarget)}
        />
      </div>
      <AttachedFileList files={files} previews={previews} busy={busy} onRemove={(file) => void remove(file)} testId="reconsideration-files" />
      <p class="govuk-body-s" aria-live="polite" data-testid="reconsideration-files-status">
        {status}
      </p>
    </>
  );
}
