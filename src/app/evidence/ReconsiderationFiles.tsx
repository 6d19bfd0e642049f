import { useEffect, useState } from 'preact/hooks';
import { EVIDENCE_ACCEPT, PHOTO_TYPES, evidenceFileIssue, evidenceTypeOf, type EvidenceType } from '../../shared/evidence-limits.ts';
import { evidenceForSending, listFiles, readFilePlaintext, type AttachedFile } from '../../store/evidence.ts';
import type { FieldDatabase } from '../../store/db.ts';
import { evidenceText } from './content.ts';
import { thumbnailOf } from './downscale.ts';
import { formatBytes } from './file-size.ts';
import { useEvidenceFiles } from './use-evidence-files.ts';
import { useKey, useServices } from '../shell/services.ts';

const text = evidenceText.reconsideration;

/** Why a chosen file cannot be attached, in the evidence page's words; undefined when it can. */
function refusalOf(file: File, attached: number): string | undefined {
  const issue = evidenceFileIssue(file, attached);
  if (issue === 'count') return evidenceText.refusal.count(file.name);
  if (issue === 'size') return evidenceText.refusal.size(file.name, formatBytes(file.size));
  if (issue === 'empty') return evidenceText.refusal.empty(file.name);
  if (issue === 'type') return evidenceText.refusal.type(file.name);
  return undefined;
}

/** A photo already stored, decrypted on this device only to draw its thumbnail. */
async function previewOf(db: FieldDatabase, key: CryptoKey, file: AttachedFile): Promise<string | undefined> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for await (const part of readFilePlaintext(db, key, file.id)) parts.push(part);
  return thumbnailOf(new Blob(parts, { type: file.type }));
}

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
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const show = (id: string, url: string | undefined) => {
    if (url) setPreviews((shown) => ({ ...shown, [id]: url }));
  };

  useEffect(() => {
    let live = true;
    void files_.list(waitingUnder).then(async (listed) => {
      if (!live) return;
      setFiles(listed);
      for (const file of listed.filter((each) => PHOTO_TYPES.includes(each.type))) {
        const url = await previewOf(db, key, file).catch(() => undefined);
        if (live) show(file.id, url);
      }
    });
    return () => {
      live = false;
    };
  }, [files_, waitingUnder, db, key]);

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
      {files.length > 0 ? (
        <ul class="govuk-list app-file-list" data-testid="reconsideration-files">
          {files.map((file) => (
            <li class="app-file-list__item" key={file.id}>
              {previews[file.id] ? <img class="app-file-list__thumb" src={previews[file.id]} alt="" /> : <span class="app-file-list__kind">{text.kind(file.type)}</span>}
              <span class="app-file-list__name">
                <span class="govuk-!-font-weight-bold govuk-!-text-break-word">{file.name}</span>
                <br />
                <span class="govuk-body-s">{formatBytes(file.size)}</span>
              </span>
              <button type="button" class="govuk-link app-link-button" onClick={() => void remove(file)} disabled={busy}>
                {evidenceText.remove}
                <span class="govuk-visually-hidden"> {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="govuk-body-s" aria-live="polite" data-testid="reconsideration-files-status">
        {status}
      </p>
    </>
  );
}
