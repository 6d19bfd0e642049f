import { describe, expect, it } from 'vitest';
import type { EncounterDetails } from '../../src/shared/encounter.ts';
import { many } from '../../src/shared/form/model.ts';
import { getDraft } from '../../src/store/drafts.ts';
import { addPerson } from '../../src/store/encounter-people.ts';
import { createEncounter, deleteEncounter, getEncounter, sceneOwner } from '../../src/store/encounters.ts';
import { attachFile, listFiles, readFilePlaintext, removeFile } from '../../src/store/evidence.ts';
import { queueSubmission } from '../../src/store/outbox.ts';
import { shareScenePhotos } from '../../src/store/scene-photos.ts';
import { deviceKey, fakeClock, freshDatabase, submissionFor } from '../support/fixtures.ts';

const details: EncounterDetails = {
  kind: 'police',
  operation: 'Operation Heron',
  date: '2026-11-29',
  time: '06:15',
  place: 'Heron Nail Bar, 3 Quay Street, Hull',
  policeForce: 'Humberside Police',
  crimeReference: 'HER-2026-55',
  officers: 'DC Ana Silva 4410',
};

async function plaintext(db: ReturnType<typeof freshDatabase>, key: CryptoKey, id: string): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of readFilePlaintext(db, key, id)) parts.push(chunk);
  return new TextDecoder().decode(Buffer.concat(parts));
}

describe('photos of the scene of an encounter', () => {
  it('go, each as its own copy, to every person not yet sent and to anyone added later; deleting the encounter takes them away', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const clock = fakeClock();
    const encounter = await createEncounter(db, key, details, clock.now());
    const first = await addPerson(db, key, (await getEncounter(db, key, encounter.id))!, clock.now());
    const sent = await addPerson(db, key, (await getEncounter(db, key, encounter.id))!, clock.now());
    await queueSubmission(db, key, submissionFor(undefined, sent.id), sent.caseLabel, clock.now());

    // Beds in the back room, a third of a chunk: the bytes prove the copy is the same photo.
    const bedsBytes = `JPEG beds in the back room ${'x'.repeat(40_000)}`;
    const beds = await attachFile(db, key, sceneOwner(encounter.id), new Blob([bedsBytes]), 'beds.jpg', 'image/jpeg', clock.now());
    await shareScenePhotos(db, key, encounter.id, [beds], clock.now());

    const firstFiles = many((await getDraft(db, key, first.id))!.answers, 'evidenceFiles');
    expect(firstFiles).toHaveLength(1);
    expect(firstFiles[0]).not.toBe(beds.id);
    expect(await plaintext(db, key, firstFiles[0]!)).toBe(bedsBytes);
    expect((await listFiles(db, key, first.id)).map((file) => [file.name, file.sha256])).toEqual([['beds.jpg', beds.sha256]]);
    // A referral already queued was sealed as it was: nothing is added to it.
    expect(await listFiles(db, key, sent.id)).toEqual([]);
    expect((await getEncounter(db, key, encounter.id))!.scenePhotos).toEqual([beds.id]);

    // The same list again copies nothing twice; a second photo goes to the first person only once.
    const lock = await attachFile(db, key, sceneOwner(encounter.id), new Blob(['JPEG padlock on the outside of the door']), 'lock.jpg', 'image/jpeg', clock.now());
    await shareScenePhotos(db, key, encounter.id, [beds, lock], clock.now());
    expect(many((await getDraft(db, key, first.id))!.answers, 'evidenceFiles')).toHaveLength(2);

    // Someone found later, in the loft, gets both.
    const later = await addPerson(db, key, (await getEncounter(db, key, encounter.id))!, clock.now());
    const laterFiles = many((await getDraft(db, key, later.id))!.answers, 'evidenceFiles');
    expect((await listFiles(db, key, later.id)).map((file) => file.name).sort()).toEqual(['beds.jpg', 'lock.jpg']);
    expect(laterFiles).toHaveLength(2);

    // A scene photo taken away stays with the people it was copied to.
    await removeFile(db, lock.id);
    await shareScenePhotos(db, key, encounter.id, [beds], clock.now());
    expect(many((await getDraft(db, key, first.id))!.answers, 'evidenceFiles')).toHaveLength(2);
    expect((await getEncounter(db, key, encounter.id))!.scenePhotos).toEqual([beds.id]);

    await deleteEncounter(db, encounter.id);
    expect(await listFiles(db, key, sceneOwner(encounter.id))).toEqual([]);
    expect(await db.fileChunks.where('fileId').equals(beds.id).count()).toBe(0);
  });
});
