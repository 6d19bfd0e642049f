import { v7 as uuidv7 } from 'uuid';
import type { EncounterDetails } from '../shared/encounter.ts';
import { box, unbox } from './box.ts';
import type { EncounterRecord, FieldDatabase } from './db.ts';
import { deleteDraft } from './drafts.ts';
import { purgeFiles } from './evidence-chunks.ts';

/** What an encounter holds that is personal (place, officers, who is family): encrypted at rest as `content`. */
export interface EncounterContent extends EncounterDetails {
  /** The people met, as draft (later referral) ids, in the order they were added. */
  people: string[];
  /** Family links between two people of the encounter, each pair once. */
  family: [string, string][];
  /** The scene photos already copied to the people (file ids); absent before the encounter had any. */
  scenePhotos?: string[];
}

/** An encounter as the screens see it: decrypted, in memory only. */
export interface Encounter extends EncounterContent {
  id: string;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
}

export const encounterContext = (id: string) => `encounter:${id}`;

/** Photos of the scene belong to the encounter, not to one person's draft: their owner in `files`. */
export const sceneOwner = (id: string) => `scene:${id}`;

async function open(key: CryptoKey, record: EncounterRecord): Promise<Encounter> {
  const content = await unbox<EncounterContent>(key, record.content, encounterContext(record.id));
  return { ...content, id: record.id, createdAt: record.createdAt, updatedAt: record.updatedAt, closedAt: record.closedAt };
}

export async function createEncounter(db: FieldDatabase, key: CryptoKey, details: EncounterDetails, now: Date): Promise<Encounter> {
  const id = uuidv7();
  const at = now.toISOString();
  const content: EncounterContent = { ...details, people: [], family: [] };
  await db.encounters.add({ id, content: await box(key, content, encounterContext(id)), createdAt: at, updatedAt: at });
  return { ...content, id, createdAt: at, updatedAt: at };
}

export async function getEncounter(db: FieldDatabase, key: CryptoKey, id: string): Promise<Encounter | undefined> {
  const record = await db.encounters.get(id);
  return record ? open(key, record) : undefined;
}

/** Every encounter on this device, newest first. */
export async function listEncounters(db: FieldDatabase, key: CryptoKey): Promise<Encounter[]> {
  const records = await db.encounters.orderBy('updatedAt').reverse().toArray();
  return Promise.all(records.map((record) => open(key, record)));
}

/**
 * Changes an encounter's content; `alsoWrite` runs in the same transaction (a new person's draft).
 * Encryption cannot run inside an IndexedDB transaction, so the write checks that nobody saved in
 * between, and computes again if someone did (as saveDraft does).
 */
export async function updateEncounter(
  db: FieldDatabase,
  key: CryptoKey,
  id: string,
  change: (current: Encounter) => EncounterContent,
  now: Date,
  alsoWrite?: () => Promise<unknown>,
): Promise<Encounter> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const record = await db.encounters.get(id);
    if (!record) throw new Error('This encounter no longer exists on this device');
    const next = change(await open(key, record));
    const content = await box(key, next, encounterContext(id));
    const at = now.toISOString();
    const written = await db.transaction('rw', db.encounters, db.drafts, async () => {
      const latest = await db.encounters.get(id);
      if (!latest) throw new Error('This encounter no longer exists on this device');
      if (latest.updatedAt !== record.updatedAt || latest.content.iv.join(',') !== record.content.iv.join(',')) return false;
      await db.encounters.put({ ...latest, content, updatedAt: at });
      await alsoWrite?.();
      return true;
    });
    if (written) return { ...next, id, createdAt: record.createdAt, updatedAt: at, closedAt: record.closedAt };
  }
  throw new Error('This encounter is being changed somewhere else on this device; try again');
}

/** The people linked to `personId` as family. */
export function familyOf(encounter: Pick<EncounterContent, 'family'>, personId: string): string[] {
  return encounter.family.flatMap(([a, b]) => (a === personId ? [b] : b === personId ? [a] : []));
}

/** Makes `personId`'s family exactly `members` (people of the same encounter); links are mutual. */
export function withFamily(encounter: EncounterContent, personId: string, members: readonly string[]): EncounterContent {
  const kept = encounter.family.filter(([a, b]) => a !== personId && b !== personId);
  const added = members.filter((member) => member !== personId && encounter.people.includes(member)).map((member): [string, string] => [personId, member]);
  return { ...encounter, family: [...kept, ...added] };
}

export async function setClosed(db: FieldDatabase, id: string, closed: boolean, now: Date): Promise<void> {
  await db.encounters.update(id, { closedAt: closed ? now.toISOString() : undefined });
}

/** The drafts of the encounter's people that are still on this device, not yet queued. */
function unsentDraftsOf(db: FieldDatabase, id: string) {
  return db.drafts
    .where('encounterId')
    .equals(id)
    .filter((draft) => draft.queuedAt === undefined)
    .toArray();
}

export async function unsentCount(db: FieldDatabase, id: string): Promise<number> {
  return (await unsentDraftsOf(db, id)).length;
}

/**
 * Deletes the encounter, its scene photos and the drafts of its people not yet sent. Referrals already
 * in the outbox stay as they are (they were sealed with their links and their own copies of the
 * photos). Returns how many drafts went.
 */
export async function deleteEncounter(db: FieldDatabase, id: string): Promise<number> {
  const unsent = await unsentDraftsOf(db, id);
  await db.encounters.delete(id);
  await purgeFiles(db, sceneOwner(id));
  // One by one through deleteDraft, so whatever else a draft owns goes with it.
  for (const draft of unsent) await deleteDraft(db, draft.id);
  return unsent.length;
}
