import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReference } from '../../src/shared/reference-number.ts';
import type { EvidenceStore } from '../../src/server/storage/evidence-store.ts';
import { ReferenceTakenError, type ReferralStore, type StoredReferral } from '../../src/server/storage/referral-store.ts';
import type { Storage } from '../../src/server/storage/storage.ts';
import { postgresBackend, sqliteBackend } from '../support/storage-backends.ts';

let references = 0;
/** References in sequence: random ones could collide by chance and fail a test that expects no clash. */
function nextReference(): string {
  let n = references++;
  return makeReference((base) => {
    const digit = n % base;
    n = Math.floor(n / base);
    return digit;
  });
}

function referralRow(overrides: Partial<StoredReferral> = {}): StoredReferral {
  return {
    id: uuidv7(),
    reference: nextReference(),
    path: 'adult-nrm',
    schemaVersion: 2,
    submittedAt: '2026-11-29T09:30:00.000+01:00',
    receivedAt: '2026-11-29T09:31:00.000Z',
    digest: 'a'.repeat(64),
    envelope: '{"format":"plain","referral":{"account":"…","ageGroup":"adult","path":"adult-nrm"}}',
    deviceId: null,
    encounterId: null,
    family: null,
    ...overrides,
  };
}

/** Stores a referral that claims no files: its outcome is always `stored`, new or a repeat. */
async function insert(store: ReferralStore, row: StoredReferral): Promise<{ inserted: boolean; stored: StoredReferral }> {
  const outcome = await store.insertIfAbsent(row, []);
  if (outcome.kind !== 'stored') throw new Error('A referral without files was refused for missing chunks');
  return { inserted: outcome.inserted, stored: outcome.stored };
}

describe.each([sqliteBackend(), postgresBackend()])('ReferralStore contract on $name', (backend) => {
  const opened: Storage[] = [];
  let store: ReferralStore;
  let evidence: EvidenceStore;
  async function openAnother(): Promise<ReferralStore> {
    const another = await backend.open();
    opened.push(another);
    return another.referrals;
  }

  beforeAll(async () => {
    await backend.setUp();
    store = await openAnother();
    evidence = opened[0]!.evidence;
  });
  afterAll(async () => {
    await Promise.all(opened.map((each) => each.close()));
    await backend.tearDown();
  });

  it('inserts a new referral, says so, and gives back exactly what it was given', async () => {
    const row = referralRow();
    expect(await insert(store, row)).toEqual({ inserted: true, stored: row });
    expect(await store.findById(row.id)).toEqual(row);
  });

  it('does not insert a repeat of an id, and answers with the row stored first', async () => {
    const first = referralRow();
    await insert(store, first);
    const before = await store.count();
    const repeat = { ...first, reference: nextReference(), receivedAt: '2026-11-29T10:00:00.000Z', digest: 'b'.repeat(64) };
    expect(await insert(store, repeat)).toEqual({ inserted: false, stored: first });
    expect(await store.count()).toBe(before);
  });

  it('stores nothing while a file lacks a chunk, then the referral with its files claimed in the same insert', async () => {
    const row = referralRow();
    const fileId = uuidv7();
    const parts = ['the first sealed part', 'the second sealed part'];
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const put = (index: number) =>
      evidence.putChunk({ referralId: row.id, fileId, index, sha256: sha256(parts[index]!), bytes: new TextEncoder().encode(parts[index]), receivedAt: row.receivedAt });
    const files = [{ fileId, chunks: parts.map(sha256) }];
    await put(0);
    expect(await store.insertIfAbsent(row, files)).toEqual({ kind: 'missing', files: [{ fileId, missing: [1] }] });
    expect(await store.findById(row.id)).toBeUndefined();
    await put(1);
    expect(await store.insertIfAbsent(row, files)).toEqual({ kind: 'stored', inserted: true, stored: row });
    expect(await evidence.countFiles(row.id)).toBe(1);
    expect(await store.insertIfAbsent({ ...row, reference: nextReference() }, files)).toEqual({ kind: 'stored', inserted: false, stored: row });
    expect(await evidence.countFiles(row.id)).toBe(1);
  });

  it('answers undefined for an id it does not hold', async () => {
    expect(await store.findById(uuidv7())).toBeUndefined();
  });

  it('throws ReferenceTakenError for a new id whose reference another row holds, and stores nothing', async () => {
    const holder = referralRow();
    await insert(store, holder);
    const newcomer = referralRow({ reference: holder.reference });
    await expect(insert(store, newcomer)).rejects.toBeInstanceOf(ReferenceTakenError);
    expect(await store.findById(newcomer.id)).toBeUndefined();
  });

  it('treats a repeat as a repeat even when its freshly drawn reference is taken', async () => {
    const first = referralRow();
    const other = referralRow();
    await insert(store, first);
    await insert(store, other);
    expect(await insert(store, { ...first, reference: other.reference })).toEqual({ inserted: false, stored: first });
  });

  it('answers a ping while its database is open, and says no once it is closed', async () => {
    const storage = await backend.open();
    expect(await storage.ping()).toBe(true);
    await storage.close();
    expect(await storage.ping()).toBe(false);
  });

  it('finds the referrals of one encounter in the order they arrived, with their family links, and nothing else', async () => {
    const encounterId = uuidv7();
    const at = (second: number) => `2026-11-30T09:00:${String(second).padStart(2, '0')}.000Z`;
    const first = referralRow({ encounterId, receivedAt: at(1) });
    const second = referralRow({ encounterId, receivedAt: at(2), family: [first.id] });
    const third = referralRow({ encounterId, receivedAt: at(3), family: [first.id, second.id] });
    const elsewhere = referralRow({ encounterId: uuidv7(), receivedAt: at(2) });
    for (const row of [third, elsewhere, first, second, referralRow()]) await insert(store, row);
    expect(await store.findByEncounter(encounterId)).toEqual([first, second, third]);
    expect(await store.findById(third.id)).toEqual(third);
    expect(await store.findByEncounter(uuidv7())).toEqual([]);
  });

  it('counts the rows it holds', async () => {
    const before = await store.count();
    for (let i = 0; i < 3; i += 1) await insert(store, referralRow());
    expect(await store.count()).toBe(before + 3);
  });

  it('gives the statuses of the asked referrals that changed after a time, oldest change first', async () => {
    const at = (minute: number) => `2026-11-30T08:${String(minute).padStart(2, '0')}:00.000Z`;
    const [early, middle, late, notAsked] = [at(1), at(2), at(3), at(4)].map((receivedAt) => referralRow({ receivedAt }));
    for (const row of [late, early, notAsked, middle]) await insert(store, row!);
    const statuses = await store.statusesOf([late!.id, early!.id, middle!.id, uuidv7()], at(1));
    expect(statuses).toEqual([
      { id: middle!.id, reference: middle!.reference, status: 'received', statusChangedAt: at(2) },
      { id: late!.id, reference: late!.reference, status: 'received', statusChangedAt: at(3) },
    ]);
    expect(await store.statusesOf([], at(0))).toEqual([]);
  });

  it('stores one row when two instances insert the same id at the same moment, and both see that row', async () => {
    const second = await openAnother();
    const id = uuidv7();
    const attempts = Array.from({ length: 24 }, (_, i) => referralRow({ id, receivedAt: `2026-11-29T09:31:00.${String(i).padStart(3, '0')}Z` }));
    const before = await store.count();
    const outcomes = await Promise.all(attempts.map((row, i) => insert(i % 2 ? second : store, row)));
    const winners = outcomes.filter((outcome) => outcome.inserted);
    expect(winners).toHaveLength(1);
    const stored = winners[0]!.stored;
    expect(attempts).toContainEqual(stored);
    expect(outcomes.map((outcome) => outcome.stored)).toEqual(Array(attempts.length).fill(stored));
    expect(await store.count()).toBe(before + 1);
    expect(await second.findById(id)).toEqual(stored);
  });
});
