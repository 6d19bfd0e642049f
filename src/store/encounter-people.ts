import { personLabel, sharedAnswers, withoutEncounterTrail, type EncounterDetails } from '../shared/encounter.ts';
import type { Answers } from '../shared/form/model.ts';
import type { FieldDatabase, OutboxState } from './db.ts';
import { deleteDraft, getDraft, newDraft, saveDraft, type Draft } from './drafts.ts';
import { getEncounter, listEncounters, updateEncounter, type Encounter, type EncounterContent } from './encounters.ts';
import { getOutboxItem } from './outbox.ts';
import { shareSceneWith } from './scene-photos.ts';

/**
 * Shared answers follow the encounter: where a draft still holds what the encounter wrote (not the
 * responder's own change), it gets what the encounter writes now. Drafts already sent are sealed.
 */
async function refreshShared(db: FieldDatabase, key: CryptoKey, encounterId: string, before: Answers, after: Answers, now: Date, skip?: string): Promise<void> {
  for (const id of await db.drafts.where('encounterId').equals(encounterId).primaryKeys()) {
    const draft = id === skip ? undefined : await getDraft(db, key, id);
    if (!draft || draft.queuedAt !== undefined) continue;
    const change = Object.fromEntries(Object.entries(after).filter(([name, value]) => draft.answers[name] === before[name] && value !== before[name]));
    if (Object.keys(change).length > 0) await saveDraft(db, key, draft.id, { answers: change }, now);
  }
}

const others = (encounter: EncounterContent) => Math.max(encounter.people.length - 1, 0);

/** Adds a person: a new draft pre-filled from the encounter, listed in it, in one transaction; then the scene's photos are copied to it. */
export async function addPerson(db: FieldDatabase, key: CryptoKey, encounter: Encounter, now: Date): Promise<Draft> {
  const number = encounter.people.length + 1;
  const draft = await newDraft(key, now, { caseLabel: personLabel(encounter, number), answers: sharedAnswers(encounter, number - 1) }, encounter.id);
  const updated = await updateEncounter(db, key, encounter.id, (current) => ({ ...current, people: [...current.people, draft.record.id] }), now, () => db.drafts.add(draft.record));
  const was = { ...updated, people: updated.people.filter((id) => id !== draft.record.id) };
  await refreshShared(db, key, encounter.id, sharedAnswers(updated, others(was)), sharedAnswers(updated, others(updated)), now, draft.record.id);
  await shareSceneWith(db, key, encounter.id, draft.record.id, now);
  return draft.opened;
}

/** New shared details: the encounter and the drafts that still hold what it wrote before. */
export async function saveEncounterDetails(db: FieldDatabase, key: CryptoKey, encounter: Encounter, details: EncounterDetails, now: Date): Promise<Encounter> {
  const updated = await updateEncounter(db, key, encounter.id, (current) => ({ ...current, ...details }), now);
  await refreshShared(db, key, encounter.id, sharedAnswers(encounter, others(encounter)), sharedAnswers(updated, others(updated)), now);
  return updated;
}

/** Takes a person out of the encounter (added by mistake) and deletes their draft; only while not sent. */
export async function removePerson(db: FieldDatabase, key: CryptoKey, encounter: Encounter, personId: string, now: Date): Promise<void> {
  const draft = await getDraft(db, key, personId);
  if (draft?.queuedAt !== undefined) return;
  const updated = await updateEncounter(
    db,
    key,
    encounter.id,
    (current) => ({ ...current, people: current.people.filter((id) => id !== personId), family: current.family.filter((pair) => !pair.includes(personId)) }),
    now,
  );
  // Through deleteDraft, so whatever else the draft owns goes with it.
  await deleteDraft(db, personId);
  await refreshShared(db, key, encounter.id, sharedAnswers(encounter, others(encounter)), sharedAnswers(updated, others(updated)), now);
}

/**
 * Once a person's draft has become an anonymous Duty to Notify report, takes out what the encounter
 * wrote into it (the place, the time, the officers present), stored so, and gives the draft as it now is.
 */
export async function forgetEncounterTrail(db: FieldDatabase, key: CryptoKey, draft: Draft, now: Date): Promise<Draft> {
  const encounter = draft.encounterId ? await getEncounter(db, key, draft.encounterId) : undefined;
  if (!encounter) return draft;
  const kept = withoutEncounterTrail(draft.answers, sharedAnswers(encounter, others(encounter)));
  const forgotten = Object.keys(draft.answers).filter((name) => !(name in kept));
  if (forgotten.length === 0) return draft;
  await saveDraft(db, key, draft.id, { answers: Object.fromEntries(forgotten.map((name) => [name, undefined])) }, now);
  return { ...draft, answers: kept };
}

/** Where a person of the encounter stands, as the encounter screen shows it. */
export type PersonState = 'draft' | 'ready' | OutboxState;

export interface Person {
  id: string;
  caseLabel: string;
  state: PersonState;
  /** Their answers while still a draft (the path, what is left to do); nothing once queued. */
  answers?: Answers;
  reference?: string;
}

/**
 * The people of an encounter, in the order they were added: a draft (`ready` once `isComplete` says
 * so), or where the outbox has them. Someone deleted elsewhere is left out.
 */
export async function peopleOf(db: FieldDatabase, key: CryptoKey, encounter: Encounter, isComplete: (draft: Draft) => boolean): Promise<Person[]> {
  const people = await Promise.all(
    encounter.people.map(async (id): Promise<Person | undefined> => {
      const item = await getOutboxItem(db, key, id);
      if (item) return { id, caseLabel: item.caseLabel, state: item.state, reference: item.receipt?.reference };
      const draft = await getDraft(db, key, id);
      if (!draft) return undefined;
      return { id, caseLabel: draft.caseLabel, state: isComplete(draft) ? 'ready' : 'draft', answers: draft.answers };
    }),
  );
  return people.filter((person): person is Person => person !== undefined);
}

/**
 * The encounter a referral's person was met at, if any: from their draft while it is kept, else from
 * the encounters' own lists of people (a delivered referral's draft is gone).
 */
export async function encounterIdOf(db: FieldDatabase, key: CryptoKey, personId: string): Promise<string | undefined> {
  const record = await db.drafts.get(personId);
  if (record?.encounterId) return record.encounterId;
  return (await listEncounters(db, key)).find((encounter) => encounter.people.includes(personId))?.id;
}
