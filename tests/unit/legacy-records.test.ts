import { describe, expect, it } from 'vitest';
import { getDraft } from '../../src/store/drafts.ts';
import { encryptLegacyRecords } from '../../src/store/legacy.ts';
import { getOutboxItem } from '../../src/store/outbox.ts';
import { deviceKey, freshDatabase } from '../support/fixtures.ts';

describe('records kept in the clear by app versions 1–2', () => {
  it('are encrypted at the first unlock and still read the same', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    await db.drafts.add({ id: 'd1', caseLabel: 'LEGACY-7', answers: { account: 'Seen at the Harbour Lane car wash' }, createdAt: 't', updatedAt: 't' });
    await db.outbox.add({ id: 'o1', caseLabel: 'LEGACY-8', state: 'queued', schemaVersion: 1, createdAt: 't', updatedAt: 't', attempts: 0, nextAttemptAt: 0 });

    expect(await encryptLegacyRecords(db, key)).toBe(2);

    const raw = JSON.stringify([await db.drafts.toArray(), await db.outbox.toArray()]);
    for (const secret of ['LEGACY-7', 'LEGACY-8', 'Harbour Lane']) expect(raw).not.toContain(secret);
    // Version 2's one account opens as the "how it started" answer of the full form.
    expect(await getDraft(db, key, 'd1')).toMatchObject({ caseLabel: 'LEGACY-7', answers: { howStarted: 'Seen at the Harbour Lane car wash' } });
    expect((await getOutboxItem(db, key, 'o1'))?.caseLabel).toBe('LEGACY-8');
    expect(await encryptLegacyRecords(db, key)).toBe(0);
  });
});
