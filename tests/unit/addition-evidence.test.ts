import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { sealAddition } from '../../src/app/outbox/seal.ts';
import { loadIntakeKeyring } from '../../src/server/crypto/intake-keys.ts';
import { additionSubmissionSchema } from '../../src/shared/addition-submission.ts';
import { additionAad } from '../../src/shared/additions.ts';
import type { ResponderAction } from '../../src/shared/casework/responder-actions.ts';
import { additionEvidenceAad, evidenceAad, evidenceManifestSchema } from '../../src/shared/evidence.ts';
import { openJson } from '../../src/shared/sealing.ts';
import { additionsOf, discardAddition } from '../../src/store/additions.ts';
import { queueAddition, reconsiderationFilesKey } from '../../src/store/queue-addition.ts';
import { attachFile, evidenceForSending } from '../../src/store/evidence.ts';
import { createOutboxAccess } from '../../src/store/outbox.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { uploadFiles } from '../../src/sync/upload.ts';
import type { TransportPort } from '../../src/sync/ports.ts';
import { deviceKey, fakeClock, freshDatabase } from '../support/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'nrm-addition-evidence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ASK: ResponderAction = { type: 'ask-reconsideration', grounds: 'new-evidence', detail: 'A GP letter has arrived.' };

/** A photo and a two-chunk document waiting for a reconsideration request of `referralId`, as the page stores them. */
async function filesWaiting(referralId: string) {
  const db = freshDatabase();
  const key = await deviceKey;
  const waiting = reconsiderationFilesKey(referralId);
  const now = new Date('2026-12-03T10:00:00Z');
  const photo = await attachFile(db, key, waiting, new Blob([new Uint8Array(2_000).fill(7)]), 'room.png', 'image/png', now);
  const letter = await attachFile(db, key, waiting, new Blob([new Uint8Array(1_200_000).fill(9)]), 'letter.pdf', 'application/pdf', now);
  const evidence = (await evidenceForSending(db, key, [photo.id, letter.id]))!;
  return { db, waiting, evidence };
}

describe('the files of an addition', () => {
  it('binds their sealed manifest to the referral and the addition, apart from the referral’s own and the addition’s words', async () => {
    const referralId = uuidv7();
    const additionId = uuidv7();
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    expect(decode(additionEvidenceAad(referralId, additionId))).toBe(`nrm-field addition evidence v1 ${referralId} ${additionId}`);
    expect(decode(additionEvidenceAad(referralId, additionId))).not.toBe(decode(additionAad(referralId, additionId)));
    expect(decode(additionEvidenceAad(referralId, additionId))).not.toBe(decode(evidenceAad(referralId)));

    const keyring = await loadIntakeKeyring(join(dir, 'keys.json'), new Date());
    const { evidence } = await filesWaiting(referralId);
    const submission = await sealAddition(keyring.current, referralId, ASK, additionId, '2026-12-03T10:00:00.000Z', evidence.manifest);
    expect(additionSubmissionSchema.safeParse(submission).success).toBe(true);
    const sealed = submission.envelope.evidence!;
    expect(JSON.stringify(submission)).not.toContain('letter.pdf');
    const key = keyring.privateKey(submission.envelope.keyId)!;
    const opened = await openJson(key, { keyId: submission.envelope.keyId, ...sealed }, additionEvidenceAad(referralId, additionId));
    expect(evidenceManifestSchema.parse(opened)).toEqual(evidence.manifest);
    // Moved onto another addition, onto the referral's own files, or onto the words: it does not open.
    for (const aad of [additionEvidenceAad(referralId, uuidv7()), evidenceAad(referralId), additionAad(referralId, additionId)]) {
      await expect(openJson(key, { keyId: submission.envelope.keyId, ...sealed }, aad)).rejects.toThrow();
    }
    // Words only, as before: no manifest at all.
    expect((await sealAddition(keyring.current, referralId, ASK, uuidv7(), '2026-12-03T10:00:00.000Z')).envelope.evidence).toBeUndefined();
    const extra = { ...submission, envelope: { ...submission.envelope, evidence: { ...sealed, name: 'letter.pdf' } } };
    expect(additionSubmissionSchema.safeParse(extra).success).toBe(false);
  });

  it('queues the request with its files, uploads them under the referral before it, and wipes them on its receipt', async () => {
    const referralId = uuidv7();
    const { db, waiting, evidence } = await filesWaiting(referralId);
    const submission = { id: uuidv7(), submittedAt: '2026-12-03T10:00:00.000Z', envelope: { format: 'hpke' as const, keyId: 'k1', enc: 'ZW5j', ct: 'Y3Q', evidence: { enc: 'ZW5j', ct: 'Y3Q' } } };
    const clock = fakeClock();
    await queueAddition(db, referralId, 'ask-reconsideration', submission, clock.now(), { uploads: evidence.uploads, from: waiting });
    expect(await db.files.where('draftId').equals(waiting).count()).toBe(0);
    expect(await db.files.where('draftId').equals(submission.id).count()).toBe(2);

    const calls: string[] = [];
    const transport: TransportPort = {
      reachable: async () => true,
      statuses: async () => [],
      heldChunks: async (at, fileId) => ({ kind: 'held', held: { fileId: `${at}/${fileId}`, chunks: [] } }),
      async putChunk(chunk) {
        calls.push(`chunk ${chunk.referralId} ${chunk.fileId} ${chunk.index}`);
        return { kind: 'stored' };
      },
      send: async () => ({ kind: 'retry', reason: 'no referral expected' }),
      async sendAddition(at, addition) {
        calls.push(`addition ${at} ${addition.id}`);
        return { kind: 'delivered', receipt: { id: addition.id, referralId: at, receivedAt: '2026-12-03T10:01:00.000Z' } };
      },
    };
    await createSyncEngine({ outbox: createOutboxAccess(db), transport, clock, random: () => 0.5, exclusive: (task) => task(), uploadFiles }).drain();
    const [photo, letter] = evidence.uploads;
    expect(calls).toEqual([
      `chunk ${referralId} ${photo!.fileId} 0`,
      `chunk ${referralId} ${letter!.fileId} 0`,
      `chunk ${referralId} ${letter!.fileId} 1`,
      `addition ${referralId} ${submission.id}`,
    ]);
    const [row] = await additionsOf(db, referralId);
    expect(row?.state).toBe('delivered');
    expect(row).not.toHaveProperty('files');
    expect([await db.files.count(), await db.fileChunks.count()]).toEqual([0, 0]);
  });

  it('deletes the files of a request the responder discards', async () => {
    const referralId = uuidv7();
    const { db, waiting, evidence } = await filesWaiting(referralId);
    const submission = { id: uuidv7(), submittedAt: '2026-12-03T10:00:00.000Z', envelope: { format: 'hpke' as const, keyId: 'k1', enc: 'ZW5j', ct: 'Y3Q' } };
    await queueAddition(db, referralId, 'ask-reconsideration', submission, new Date(), { uploads: evidence.uploads, from: waiting });
    await discardAddition(db, submission.id);
    expect([await db.additions.count(), await db.files.count(), await db.fileChunks.count()]).toEqual([0, 0, 0]);
  });
});
