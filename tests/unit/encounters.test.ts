import { describe, expect, it } from 'vitest';
import { caseLabelField } from '../../src/shared/case-label.ts';
import { encounterErrors, PLACE_MISSING, sharedAnswers, TIME_FORMAT, type EncounterDetails } from '../../src/shared/encounter.ts';
import { pageById } from '../../src/shared/form/journey.ts';
import { fieldIssue } from '../../src/shared/form/page-schema.ts';
import { referralFromAnswers, referralSchema } from '../../src/shared/form/referral-schema.ts';
import { withLinks } from '../../src/shared/links.ts';
import { quickCaptureErrors } from '../../src/shared/quick-capture.ts';
import { getDraft, saveDraft } from '../../src/store/drafts.ts';
import { addPerson, encounterIdOf, forgetEncounterTrail, peopleOf, removePerson, saveEncounterDetails } from '../../src/store/encounter-people.ts';
import { createEncounter, deleteEncounter, familyOf, getEncounter, updateEncounter, withFamily } from '../../src/store/encounters.ts';
import { queueSubmission } from '../../src/store/outbox.ts';
import { deviceKey, fakeClock, freshDatabase, submissionFor } from '../support/fixtures.ts';
import { examples } from '../support/referral-examples.ts';

const details: EncounterDetails = {
  kind: 'police',
  operation: 'Operation Harbour',
  date: '2026-11-29',
  time: '06:15',
  place: 'Sparkle Car Wash, Kirkstall Road, Leeds',
  policeForce: 'West Yorkshire Police',
  crimeReference: '13/2026/4471',
  officers: 'DC Sam Okafor 4471, PC Jo Reid 2290',
};

function bytesAsText(value: unknown): string {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return new TextDecoder().decode(bytes);
  }
  if (value && typeof value === 'object') return Object.values(value).map(bytesAsText).join('\n');
  return String(value);
}

describe('encounters on the device', () => {
  it('keeps the encounter encrypted at rest, with only its id and times in the clear, bound to its id', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const encounter = await createEncounter(db, key, { ...details, location: { latitude: 53.8, longitude: -1.56, accuracy: 12, capturedAt: '2026-11-29T06:16:00.000Z' } }, fakeClock().now());
    const stored = await db.encounters.get(encounter.id);
    expect(Object.keys(stored ?? {}).sort()).toEqual(['content', 'createdAt', 'id', 'updatedAt']);
    const raw = bytesAsText(stored);
    for (const secret of ['Harbour', 'Sparkle', 'Okafor', 'West Yorkshire', '4471', '53.8']) expect(raw).not.toContain(secret);
    expect(await getEncounter(db, key, encounter.id)).toMatchObject({ ...details, location: { latitude: 53.8 }, people: [], family: [] });

    // A ciphertext copied to another record does not open there.
    await db.encounters.put({ ...stored!, id: '01900000-0000-7000-8000-000000000000' });
    await expect(getEncounter(db, key, '01900000-0000-7000-8000-000000000000')).rejects.toThrow();
  });

  it('adds each person as their own draft, pre-filled from the encounter and linked to it by id', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const clock = fakeClock();
    const encounter = await createEncounter(db, key, details, clock.now());
    const first = await addPerson(db, key, encounter, clock.now());
    expect(first.caseLabel).toBe('Operation Harbour – person 1');
    expect(first.answers).toMatchObject({
      reportedToPolice: 'yes',
      policeForce: 'West Yorkshire Police',
      crimeReference: '13/2026/4471',
      otherVictims: 'yes',
      otherVictimsDetails: 'Met during Operation Harbour at Sparkle Car Wash, Kirkstall Road, Leeds on 29 November 2026 at 06:15. No other potential victims had been met there yet.',
      interview: 'At Sparkle Car Wash, Kirkstall Road, Leeds, on 29 November 2026 at 06:15, during Operation Harbour. Officers present: DC Sam Okafor 4471, PC Jo Reid 2290.',
    });
    const record = await db.drafts.get(first.id);
    expect(record?.encounterId).toBe(encounter.id);
    expect(bytesAsText(record)).not.toContain('Harbour');

    const second = await addPerson(db, key, (await getEncounter(db, key, encounter.id))!, clock.now());
    const third = await addPerson(db, key, (await getEncounter(db, key, encounter.id))!, clock.now());
    expect(third.caseLabel).toBe('Operation Harbour – person 3');
    expect(third.answers.otherVictimsDetails).toMatch(/2 other potential victims were met there at the same time\.$/);
    // Everyone's count follows as people are added.
    expect((await getDraft(db, key, first.id))?.answers.otherVictimsDetails).toMatch(/2 other potential victims/);
    expect((await getDraft(db, key, second.id))?.answers.otherVictimsDetails).toMatch(/2 other potential victims/);
    expect((await getEncounter(db, key, encounter.id))?.people).toEqual([first.id, second.id, third.id]);
  });

  it('leaves answers the responder changed, and referrals already queued, as they are', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const clock = fakeClock();
    const encounter = await createEncounter(db, key, details, clock.now());
    const edited = await addPerson(db, key, encounter, clock.now());
    await saveDraft(db, key, edited.id, { answers: { otherVictimsDetails: 'His brother was at the car wash too.' } }, clock.now());
    const queued = await addPerson(db, key, (await getEncounter(db, key, encounter.id))!, clock.now());
    await queueSubmission(db, key, submissionFor(undefined, queued.id), queued.caseLabel, clock.now());
    const before = (await getDraft(db, key, queued.id))?.answers;

    await addPerson(db, key, (await getEncounter(db, key, encounter.id))!, clock.now());
    await saveEncounterDetails(db, key, (await getEncounter(db, key, encounter.id))!, { ...details, place: 'Unit 4, Kirkstall Road, Leeds', crimeReference: '' }, clock.now());

    const kept = await getDraft(db, key, edited.id);
    expect(kept?.answers.otherVictimsDetails).toBe('His brother was at the car wash too.');
    expect(kept?.answers.interview).toMatch(/^At Unit 4, Kirkstall Road, Leeds, on/);
    expect(kept?.answers.crimeReference).toBeUndefined();
    expect((await getDraft(db, key, queued.id))?.answers).toEqual(before);
  });

  it('links family members both ways, only within the encounter, and forgets the links of someone removed', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const clock = fakeClock();
    let encounter = await createEncounter(db, key, details, clock.now());
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await addPerson(db, key, encounter, clock.now())).id);
      encounter = (await getEncounter(db, key, encounter.id))!;
    }
    const [mother, son, stranger] = ids as [string, string, string];
    encounter = await updateEncounter(db, key, encounter.id, (current) => withFamily(current, mother, [son, 'not-in-this-encounter']), clock.now());
    expect(familyOf(encounter, mother)).toEqual([son]);
    expect(familyOf(encounter, son)).toEqual([mother]);
    expect(familyOf(encounter, stranger)).toEqual([]);
    // Setting one person's family replaces only their links.
    encounter = await updateEncounter(db, key, encounter.id, (current) => withFamily(current, stranger, [son]), clock.now());
    expect(familyOf(encounter, son).sort()).toEqual([mother, stranger].sort());

    await removePerson(db, key, encounter, stranger, clock.now());
    encounter = (await getEncounter(db, key, encounter.id))!;
    expect(encounter.people).toEqual([mother, son]);
    expect(familyOf(encounter, son)).toEqual([mother]);
    expect(await getDraft(db, key, stranger)).toBeUndefined();
    expect((await getDraft(db, key, son))?.answers.otherVictimsDetails).toMatch(/1 other potential victim was met there/);
  });

  it('puts links on each path as it allows: family for referrals, nothing at all on an anonymous Duty to Notify report', () => {
    const links = { encounterId: '01900000-0000-7000-8000-000000000001', family: ['01900000-0000-7000-8000-000000000002'] };
    const child = withLinks(referralFromAnswers(examples.child), links);
    expect(referralSchema.safeParse(child).success).toBe(true);
    expect(child).toMatchObject({ links });
    // Not even the encounter's id: it would tie the report to the named referrals of the same raid.
    const dtn = withLinks(referralFromAnswers(examples.dtn), links);
    expect(dtn).not.toHaveProperty('links');
    expect(referralSchema.safeParse(dtn).success).toBe(true);
    const cooperating = withLinks(referralFromAnswers(examples['dtn-cooperating']), links);
    expect(referralSchema.safeParse(cooperating).success).toBe(true);
    expect(cooperating).toMatchObject({ links });
    expect(withLinks(referralFromAnswers(examples.child), undefined)).not.toHaveProperty('links');
    // An anonymous report that somehow carries family links is refused by the schema itself.
    expect(referralSchema.safeParse({ ...(referralFromAnswers(examples.dtn) as object), links }).success).toBe(false);
  });

  it('takes the place, time and officers out of a person who becomes an anonymous report, keeping their own words', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const clock = fakeClock();
    const encounter = await createEncounter(db, key, details, clock.now());
    const refused = await addPerson(db, key, encounter, clock.now());
    const ownWords = await addPerson(db, key, (await getEncounter(db, key, encounter.id))!, clock.now());
    const named = await addPerson(db, key, (await getEncounter(db, key, encounter.id))!, clock.now());
    const anonymous = { underAge: 'no', consent: 'no', cooperation: 'no' };
    await saveDraft(db, key, refused.id, { answers: anonymous }, clock.now());
    await saveDraft(db, key, ownWords.id, { answers: { ...anonymous, interview: 'Spoken to in the van, with an interpreter.' } }, clock.now());
    await saveDraft(db, key, named.id, { answers: { underAge: 'no', consent: 'yes' } }, clock.now());

    const forgotten = await forgetEncounterTrail(db, key, (await getDraft(db, key, refused.id))!, clock.now());
    for (const draft of [forgotten, (await getDraft(db, key, refused.id))!]) {
      expect(draft.answers).not.toHaveProperty('interview');
      expect(draft.answers).not.toHaveProperty('otherVictimsDetails');
      expect(JSON.stringify(draft.answers)).not.toMatch(/Okafor|Sparkle|Harbour/);
      expect(draft.answers).toMatchObject({ policeForce: 'West Yorkshire Police', consent: 'no' });
    }
    expect((await forgetEncounterTrail(db, key, (await getDraft(db, key, ownWords.id))!, clock.now())).answers.interview).toBe('Spoken to in the van, with an interpreter.');
    // A referral the person agreed to keeps everything the encounter wrote.
    expect((await forgetEncounterTrail(db, key, (await getDraft(db, key, named.id))!, clock.now())).answers.interview).toMatch(/Officers present: DC Sam Okafor/);

    // A later change to the encounter does not write the trail back into the anonymous report.
    await saveEncounterDetails(db, key, (await getEncounter(db, key, encounter.id))!, { ...details, officers: 'DS Amir Khan' }, clock.now());
    expect((await getDraft(db, key, refused.id))?.answers).not.toHaveProperty('interview');
    expect((await getDraft(db, key, named.id))?.answers.interview).toMatch(/Officers present: DS Amir Khan/);
  });

  it('lists the people with where each stands, and deleting the encounter deletes only unsent drafts', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const clock = fakeClock();
    let encounter = await createEncounter(db, key, details, clock.now());
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await addPerson(db, key, encounter, clock.now())).id);
      encounter = (await getEncounter(db, key, encounter.id))!;
    }
    const [draft, ready, queued] = ids as [string, string, string];
    await queueSubmission(db, key, submissionFor(undefined, queued), 'Operation Harbour – person 3', clock.now());
    const people = await peopleOf(db, key, encounter, (candidate) => candidate.id === ready);
    expect(people.map((person) => [person.id, person.state])).toEqual([
      [draft, 'draft'],
      [ready, 'ready'],
      [queued, 'queued'],
    ]);
    expect(people[2]?.caseLabel).toBe('Operation Harbour – person 3');

    expect(await deleteEncounter(db, encounter.id)).toBe(2);
    expect(await db.encounters.count()).toBe(0);
    expect(await db.drafts.toCollection().primaryKeys()).toEqual([queued]);
  });
});

describe('the encounter and quick capture are checked by the form’s own rules', () => {
  const formRule = (pageId: string, name: string, value: string | undefined) => fieldIssue(pageById(pageId)!.fields.find((def) => def.name === name)!, value);

  it('asks for the case label and the age question, and nothing else', () => {
    expect(quickCaptureErrors('', {})).toEqual({ caseLabel: caseLabelField.missing, underAge: formRule('under-18', 'underAge', undefined) });
    expect(quickCaptureErrors('Operation Harbour – person 1', { underAge: 'no' })).toEqual({});
  });

  it('checks what is given with the form’s messages', () => {
    const errors = quickCaptureErrors('x'.repeat(61), { underAge: 'maybe', gender: 'other', interpreter: 'yes', howStarted: 'y'.repeat(15_001), consent: 'no' });
    expect(errors).toEqual({
      caseLabel: expect.stringMatching(/60 characters or fewer/),
      underAge: formRule('under-18', 'underAge', 'maybe'),
      gender: formRule('gender', 'gender', 'other'),
      interpreterLanguage: formRule('interpreter', 'interpreterLanguage', undefined),
      howStarted: formRule('situations', 'howStarted', 'y'.repeat(15_001)),
    });
    // Consent is asked of adults only; for a child it is not checked at all.
    expect(quickCaptureErrors('a', { underAge: 'no', consent: 'perhaps' }).consent).toBe(formRule('consent', 'consent', 'perhaps'));
  });

  it('fills a police operation as one (police told, others met), and outreach only with what it shows', () => {
    expect(sharedAnswers(details, 0)).toMatchObject({ reportedToPolice: 'yes', policeForce: 'West Yorkshire Police', otherVictims: 'yes', consentDate: '2026-11-29' });
    // Encounters made before the kind was asked were police operations.
    const { kind: _kind, ...older } = details;
    expect(sharedAnswers(older, 0)).toMatchObject({ reportedToPolice: 'yes', otherVictims: 'yes' });
    const outreach: EncounterDetails = { ...details, kind: 'outreach', policeForce: '', officers: '' };
    const alone = sharedAnswers(outreach, 0);
    expect(alone.reportedToPolice).toBeUndefined();
    expect(alone.policeForce).toBeUndefined();
    expect(alone.otherVictims).toBeUndefined();
    expect(alone.otherVictimsDetails).toBeUndefined();
    expect(alone.consentDate).toBe('2026-11-29');
    expect(sharedAnswers(outreach, 1)).toMatchObject({ otherVictims: 'yes', otherVictimsDetails: expect.stringMatching(/1 other potential victim was met/) as unknown });
  });

  it('says "other potential victims: yes" in an outreach draft once a second person is met', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const clock = fakeClock();
    const encounter = await createEncounter(db, key, { ...details, kind: 'outreach', policeForce: '' }, clock.now());
    const first = await addPerson(db, key, encounter, clock.now());
    expect(first.answers.otherVictims).toBeUndefined();
    expect(first.answers.reportedToPolice).toBeUndefined();
    await addPerson(db, key, (await getEncounter(db, key, encounter.id))!, clock.now());
    expect((await getDraft(db, key, first.id))?.answers).toMatchObject({ otherVictims: 'yes', otherVictimsDetails: expect.stringMatching(/1 other potential victim/) as unknown });
  });

  it('finds the encounter of a person, while the draft is kept and after it is gone', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const clock = fakeClock();
    const encounter = await createEncounter(db, key, details, clock.now());
    const person = await addPerson(db, key, encounter, clock.now());
    expect(await encounterIdOf(db, key, person.id)).toBe(encounter.id);
    await db.drafts.delete(person.id);
    expect(await encounterIdOf(db, key, person.id)).toBe(encounter.id);
    expect(await encounterIdOf(db, key, '01900000-0000-7000-8000-000000000000')).toBeUndefined();
  });

  it('needs the kind, operation, date, time and place (or a location given in the referrals), and a police operation its force', () => {
    expect(Object.keys(encounterErrors({})).sort()).toEqual(['date', 'kind', 'operation', 'place', 'time']);
    expect(Object.keys(encounterErrors({ kind: 'police' })).sort()).toEqual(['date', 'operation', 'place', 'policeForce', 'time']);
    expect(encounterErrors({ ...details, kind: 'outreach', policeForce: '' })).toEqual({});
    expect(encounterErrors({ ...details, time: '6.15' })).toEqual({ time: TIME_FORMAT });
    expect(encounterErrors({ ...details, place: ' ' })).toEqual({ place: PLACE_MISSING });
    const location = { latitude: 1, longitude: 2, accuracy: 3, capturedAt: '' };
    // Coordinates the responder keeps to themselves do not stand for the place in words.
    expect(encounterErrors({ ...details, place: '', location })).toEqual({ place: PLACE_MISSING });
    expect(encounterErrors({ ...details, place: '', location, shareLocation: true })).toEqual({});
    expect(encounterErrors({ ...details, date: '2026-2-30' }).date).toMatch(/real date/);
  });

  it('writes the place in words, and the coordinates only when the responder chose to give them', () => {
    const location = { latitude: 53.79551, longitude: -1.54791, accuracy: 20.4, capturedAt: '' };
    expect(sharedAnswers({ ...details, location }, 0).interview).toBe(
      'At Sparkle Car Wash, Kirkstall Road, Leeds, on 29 November 2026 at 06:15, during Operation Harbour. Officers present: DC Sam Okafor 4471, PC Jo Reid 2290.',
    );
    expect(sharedAnswers({ ...details, location, shareLocation: true }, 0).interview).toMatch(/^At Sparkle Car Wash, Kirkstall Road, Leeds \(53\.79551, -1\.54791\), on/);
    const shared = sharedAnswers({ ...details, place: '', location, shareLocation: true }, 1);
    expect(shared.otherVictimsDetails).toBe(
      'Met during Operation Harbour at the location 53.79551, -1.54791 (from the device, to within 20 metres) on 29 November 2026 at 06:15. 1 other potential victim was met there at the same time.',
    );
  });
});
