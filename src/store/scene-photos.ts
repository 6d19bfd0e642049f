import { MAX_FILES } from '../shared/evidence-limits.ts';
import { many } from '../shared/form/model.ts';
import type { FieldDatabase } from './db.ts';
import { getDraft, saveDraft } from './drafts.ts';
import { getEncounter, sceneOwner, updateEncounter } from './encounters.ts';
import { attachFile, listFiles, readFilePlaintext, type AttachedFile } from './evidence.ts';

/**
 * A copy of one scene photo as a file of the person's draft: each referral carries its own copy, sealed
 * with its own key, so sending, deleting or delivering one person's referral never touches another's.
 */
async function copyInto(db: FieldDatabase, key: CryptoKey, file: AttachedFile, draftId: string, now: Date): Promise<string> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for await (const chunk of readFilePlaintext(db, key, file.id)) parts.push(chunk);
  return (await attachFile(db, key, draftId, new Blob(parts, { type: file.type }), file.name, file.type, now)).id;
}

/** Adds copies of `files` to a person's evidence while their draft is not sent, as far as the file limit allows. */
async function shareWith(db: FieldDatabase, key: CryptoKey, draftId: string, files: readonly AttachedFile[], now: Date): Promise<void> {
  const draft = await getDraft(db, key, draftId);
  if (!draft || draft.queuedAt !== undefined) return;
  const had = many(draft.answers, 'evidenceFiles');
  const room = files.slice(0, Math.max(MAX_FILES - had.length, 0));
  if (room.length === 0) return;
  const copies: string[] = [];
  for (const file of room) copies.push(await copyInto(db, key, file, draftId, now));
  await saveDraft(db, key, draftId, { answers: { evidenceFiles: [...had, ...copies] } }, now);
}

/**
 * After the scene's photos changed: each photo new to the encounter goes to every person not yet sent,
 * and the encounter remembers the photos it has. A scene photo taken away stays with the people it was
 * copied to: their own evidence page can take it away from them.
 */
export async function shareScenePhotos(db: FieldDatabase, key: CryptoKey, encounterId: string, photos: readonly AttachedFile[], now: Date): Promise<void> {
  const encounter = await getEncounter(db, key, encounterId);
  if (!encounter) return;
  const shared = new Set(encounter.scenePhotos ?? []);
  const fresh = photos.filter((photo) => !shared.has(photo.id));
  for (const personId of encounter.people) await shareWith(db, key, personId, fresh, now);
  await updateEncounter(db, key, encounterId, (current) => ({ ...current, scenePhotos: photos.map((photo) => photo.id) }), now);
}

/** A person added after the scene was photographed gets its photos too. */
export async function shareSceneWith(db: FieldDatabase, key: CryptoKey, encounterId: string, draftId: string, now: Date): Promise<void> {
  await shareWith(db, key, draftId, await listFiles(db, key, sceneOwner(encounterId)), now);
}
