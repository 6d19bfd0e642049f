import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { PHOTO_TYPES } from '../../shared/evidence-limits.ts';
import { readFilePlaintext, type AttachedFile } from '../../store/evidence.ts';
import type { FieldDatabase } from '../../store/db.ts';
import { evidenceText } from './content.ts';
import { thumbnailOf } from './downscale.ts';
import { formatBytes } from './file-size.ts';

/** A photo already stored, decrypted on this device only to draw its thumbnail. */
async function previewOf(db: FieldDatabase, key: CryptoKey, file: AttachedFile): Promise<string | undefined> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for await (const part of readFilePlaintext(db, key, file.id)) parts.push(part);
  return thumbnailOf(new Blob(parts, { type: file.type }));
}

/**
 * Thumbnails of attached photos by file id: those made when a photo is chosen (`add`), and those of
 * photos stored on an earlier visit (`drawStored`, one at a time, until `isLive` says the page has gone).
 */
export function usePreviews(db: FieldDatabase, key: CryptoKey) {
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const add = (id: string, url: string | undefined) => {
    if (url) setPreviews((shown) => ({ ...shown, [id]: url }));
  };
  const drawStored = async (stored: readonly AttachedFile[], isLive: () => boolean) => {
    for (const file of stored.filter((each) => PHOTO_TYPES.includes(each.type))) {
      const url = await previewOf(db, key, file).catch(() => undefined);
      if (!isLive()) return;
      add(file.id, url);
    }
  };
  return { previews, add, drawStored };
}

/** Attached files as a phone shows them: a thumbnail (or the file's kind), name and size, what can be done with each. */
export function AttachedFileList({
  files,
  previews,
  busy,
  onRemove,
  extra,
  testId,
}: {
  files: readonly AttachedFile[];
  previews: Readonly<Record<string, string>>;
  busy: boolean;
  onRemove: (file: AttachedFile) => void;
  extra?: (file: AttachedFile) => ComponentChildren;
  testId: string;
}) {
  if (files.length === 0) return null;
  return (
    <ul class="govuk-list app-file-list" data-testid={testId}>
      {files.map((file) => (
        <li class="app-file-list__item" key={file.id}>
          {previews[file.id] ? <img class="app-file-list__thumb" src={previews[file.id]} alt="" /> : <span class="app-file-list__kind">{evidenceText.kind(file.type)}</span>}
          <span class="app-file-list__name">
            <span class="govuk-!-font-weight-bold govuk-!-text-break-word">{file.name}</span>
            <br />
            <span class="govuk-body-s">{formatBytes(file.size)}</span>
            {extra ? extra(file) : null}
          </span>
          <button type="button" class="govuk-link app-link-button" onClick={() => onRemove(file)} disabled={busy}>
            {evidenceText.remove}
            <span class="govuk-visually-hidden"> {file.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
