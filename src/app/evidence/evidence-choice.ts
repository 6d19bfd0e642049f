import { PHOTO_TYPES, evidenceFileIssue, evidenceTypeOf, type EvidenceType } from '../../shared/evidence-limits.ts';
import { evidenceText } from './content.ts';
import { photoSizes } from './downscale.ts';
import { formatBytes } from './file-size.ts';

const text = evidenceText;

/** A file chosen and accepted; a photo with its smaller copy (when one helps) and its thumbnail. */
export interface ChosenFile {
  file: File;
  type: EvidenceType;
  smaller?: Blob;
  thumbnail?: Blob;
}

/**
 * Whether a chosen photo is attached as its smaller copy to begin with: a camera JPEG is (it leaves the
 * phone faster and without where it was taken); a PNG or screenshot is kept as it is unless the
 * responder asks for the smaller copy, since its text may need every pixel.
 */
export const smallerByDefault = (chosen: ChosenFile): boolean => chosen.type === 'image/jpeg' && chosen.smaller !== undefined;

/** Why a chosen file cannot be attached, in the evidence page's words; undefined when it can. */
export function refusalOf(file: File, attached: number): string | undefined {
  const issue = evidenceFileIssue(file, attached);
  if (issue === 'count') return text.refusal.count(file.name);
  if (issue === 'size') return text.refusal.size(file.name, formatBytes(file.size));
  if (issue === 'empty') return text.refusal.empty(file.name);
  if (issue === 'type' || !evidenceTypeOf(file.name, file.type)) return text.refusal.type(file.name);
  return undefined;
}

/**
 * Checks chosen files before a byte is stored: the type, 25 MB, and 100 in all with those attached.
 * Refused files are named with the reason; each photo accepted gets its smaller copy and thumbnail.
 */
export async function checkChosen(chosen: readonly File[], alreadyCounted: number): Promise<{ accepted: ChosenFile[]; refusals: string[] }> {
  const accepted: ChosenFile[] = [];
  const refusals: string[] = [];
  for (const file of chosen) {
    const refusal = refusalOf(file, alreadyCounted + accepted.length);
    const type = evidenceTypeOf(file.name, file.type);
    if (refusal || !type) {
      refusals.push(refusal ?? text.refusal.type(file.name));
      continue;
    }
    accepted.push({ file, type, ...(PHOTO_TYPES.includes(type) ? await photoSizes(file) : {}) });
  }
  return { accepted, refusals };
}
