import { PHOTO_TYPES, evidenceFileIssue, evidenceTypeOf, type EvidenceType } from '../../shared/evidence-limits.ts';
import { evidenceText } from './content.ts';
import { smallerPhoto } from './downscale.ts';
import { formatBytes } from './file-size.ts';

const text = evidenceText;

/** A file chosen and accepted, waiting for the responder to say "Attach" (photos: original or smaller). */
export interface PendingFile {
  key: string;
  file: File;
  type: EvidenceType;
  /** A smaller copy of a photo, when one could be made. */
  smaller?: Blob;
  useSmaller: boolean;
}

/**
 * Checks chosen files before a byte is stored: the type, 25 MB, and 100 in all with those attached
 * and waiting. Refused files are named with the reason; the rest wait for "Attach". Nothing already
 * attached or waiting is touched.
 */
export async function checkChosen(chosen: readonly File[], alreadyCounted: number): Promise<{ accepted: PendingFile[]; refusals: string[] }> {
  const accepted: PendingFile[] = [];
  const refusals: string[] = [];
  for (const file of chosen) {
    const issue = evidenceFileIssue(file, alreadyCounted + accepted.length);
    const type = evidenceTypeOf(file.name, file.type);
    if (issue || !type) {
      refusals.push(
        issue === 'count'
          ? text.refusal.count(file.name)
          : issue === 'size'
            ? text.refusal.size(file.name, formatBytes(file.size))
            : issue === 'empty'
              ? text.refusal.empty(file.name)
              : text.refusal.type(file.name),
      );
      continue;
    }
    const smaller = PHOTO_TYPES.includes(type) ? await smallerPhoto(file) : undefined;
    accepted.push({ key: `${file.name}-${file.size}-${file.lastModified}-${accepted.length + alreadyCounted}`, file, type, smaller, useSmaller: smaller !== undefined });
  }
  return { accepted, refusals };
}
