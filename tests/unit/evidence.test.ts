import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { checkChosen, smallerByDefault } from '../../src/app/evidence/evidence-choice.ts';
import { SMALLER, fitted } from '../../src/app/evidence/photo-sizes.ts';
import {
  CHUNK_BYTES,
  MAX_FILES,
  evidenceFileIssue,
  evidenceManifestSchema,
  evidenceTypeOf,
  importFileKey,
  openChunk,
  sha256Hex,
} from '../../src/shared/evidence.ts';
import { walk } from '../../src/shared/form/journey.ts';
import { CHECK } from '../../src/shared/form/model.ts';
import { referralFromAnswers, referralSchema } from '../../src/shared/referral.ts';
import { Sha256 } from '../../src/shared/sha256-stream.ts';
import { attachFile, evidenceForSending, listFiles, purgeFiles, readChunk, readFilePlaintext, removeFile } from '../../src/store/evidence.ts';
import { deviceKey, freshDatabase } from '../support/fixtures.ts';
import { examples } from '../support/referral-examples.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';

const MB = 1_000_000;

describe('streaming SHA-256', () => {
  it('agrees with WebCrypto for any length, however the bytes are fed', async () => {
    const random = seededRandom(9);
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 3 * 64 + 7, 200_001]) {
      const bytes = new Uint8Array(randomBytes(length));
      const hasher = new Sha256();
      let at = 0;
      while (at < length) {
        const step = Math.max(1, Math.floor(random() * 150));
        hasher.update(bytes.subarray(at, at + step));
        at += step;
      }
      expect(hasher.hex(), `length ${length}`).toBe(await sha256Hex(bytes));
    }
  });
});

describe('what may be attached', () => {
  const file = (name: string, size: number, type = '') => ({ name, size, type });

  it('takes JPG, PNG, PDF, DOC and DOCX up to 25 MB and 100 files', () => {
    for (const name of ['a.jpg', 'b.JPEG', 'c.png', 'd.pdf', 'e.doc', 'f.docx']) expect(evidenceFileIssue(file(name, 1000), 0)).toBeUndefined();
    expect(evidenceFileIssue(file('big.pdf', 25 * MB), 0)).toBeUndefined();
    expect(evidenceFileIssue(file('ok.pdf', 1000), MAX_FILES - 1)).toBeUndefined();
  });

  it('refuses the 101st file, a 26 MB file, an empty one and other types', () => {
    expect(evidenceFileIssue(file('one-more.pdf', 1000), MAX_FILES)).toBe('count');
    expect(evidenceFileIssue(file('large.pdf', 26 * MB), 0)).toBe('size');
    expect(evidenceFileIssue(file('empty.pdf', 0), 0)).toBe('empty');
    for (const name of ['clip.mp4', 'photo.heic', 'sheet.xlsx', 'noextension', 'archive.zip']) expect(evidenceFileIssue(file(name, 1000), 0)).toBe('type');
  });

  it('refuses a file whose type contradicts its name (a renamed file)', () => {
    expect(evidenceTypeOf('report.pdf', 'application/pdf')).toBe('application/pdf');
    expect(evidenceTypeOf('report.doc', '')).toBe('application/msword');
    expect(evidenceTypeOf('photo.jpg', 'application/x-msdownload')).toBeUndefined();
  });

  it('names each refused file with its reason, and keeps the files that pass', async () => {
    const chosen = [
      new File([new Uint8Array(10)], 'rota.pdf', { type: 'application/pdf' }),
      new File([new Uint8Array(10)], 'virus.exe', { type: 'application/x-msdownload' }),
      new File([new Uint8Array(10)], 'notes.docx'),
    ];
    const { accepted, refusals } = await checkChosen(chosen, 0);
    expect(accepted.map((item) => item.file.name)).toEqual(['rota.pdf', 'notes.docx']);
    expect(refusals).toEqual(['virus.exe is not a file you can attach. Choose a JPG or PNG photo, or a PDF, DOC or DOCX document']);

    const full = await checkChosen([new File([new Uint8Array(10)], 'extra.pdf')], MAX_FILES);
    expect(full.accepted).toEqual([]);
    expect(full.refusals).toEqual(['extra.pdf was not attached: a referral can have up to 100 files. Remove a file to attach another']);

    const large = new File([new Uint8Array(1)], 'large.pdf');
    Object.defineProperty(large, 'size', { value: 26 * MB });
    expect((await checkChosen([large], 3)).refusals).toEqual(['large.pdf is 26.0 MB. Each file must be 25 MB or smaller']);
  });
});

describe('photo sizes', () => {
  it('fits the longest side and never enlarges', () => {
    expect(fitted(4032, 3024, SMALLER.maxSide)).toEqual({ width: 2048, height: 1536 });
    expect(fitted(3024, 4032, SMALLER.maxSide)).toEqual({ width: 1536, height: 2048 });
    expect(fitted(800, 600, SMALLER.maxSide)).toEqual({ width: 800, height: 600 });
    expect(fitted(5000, 1, 128)).toEqual({ width: 128, height: 1 });
  });

  it('sends a camera JPEG as its smaller copy, and keeps a PNG or screenshot as it is unless asked', () => {
    const smaller = new Blob([new Uint8Array(10)]);
    const file = (name: string) => new File([new Uint8Array(100)], name);
    expect(smallerByDefault({ file: file('scene.jpg'), type: 'image/jpeg', smaller })).toBe(true);
    expect(smallerByDefault({ file: file('scene.jpg'), type: 'image/jpeg' })).toBe(false);
    expect(smallerByDefault({ file: file('rota.png'), type: 'image/png', smaller })).toBe(false);
  });

  it('keeps a photo it cannot draw as it is, without a thumbnail', async () => {
    const { accepted, refusals } = await checkChosen([new File([new Uint8Array(50)], 'broken.jpg', { type: 'image/jpeg' })], 0);
    expect(refusals).toEqual([]);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.smaller).toBeUndefined();
    expect(accepted[0]?.thumbnail).toBeUndefined();
  });
});

describe('files on the device', () => {
  it('stores a file in encrypted chunks and reads back the same bytes', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const draftId = uuidv7();
    const original = new Uint8Array(randomBytes(Math.round(2.5 * CHUNK_BYTES)));
    const attached = await attachFile(db, key, draftId, new Blob([original]), 'pay-slip.pdf', 'application/pdf', new Date());
    expect(attached).toMatchObject({ name: 'pay-slip.pdf', type: 'application/pdf', size: original.length, sha256: await sha256Hex(original) });
    expect(await db.fileChunks.count()).toBe(3);

    // Nothing stored is the plaintext: neither a chunk nor the file's row.
    const firstChunk = new Uint8Array((await db.fileChunks.get([attached.id, 0]))!.data);
    expect(Buffer.from(firstChunk).includes(Buffer.from(original.subarray(0, 64)))).toBe(false);
    expect(JSON.stringify(await db.files.get(attached.id))).not.toContain('pay-slip');

    const parts: Uint8Array[] = [];
    for await (const part of readFilePlaintext(db, key, attached.id)) parts.push(part);
    expect(Buffer.concat(parts).equals(Buffer.from(original))).toBe(true);
    expect(await listFiles(db, key, draftId)).toEqual([attached]);
  });

  it('seals a manifest the server can check: keys open the chunks, a chunk moved to another place does not', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const draftId = uuidv7();
    const a = await attachFile(db, key, draftId, new Blob([randomBytes(CHUNK_BYTES + 10)]), 'a.png', 'image/png', new Date());
    const b = await attachFile(db, key, draftId, new Blob([randomBytes(10)]), 'b.pdf', 'application/pdf', new Date());
    const sending = await evidenceForSending(db, key, [a.id, b.id]);
    const manifest = evidenceManifestSchema.parse(sending?.manifest);
    expect(manifest.files.map((file) => [file.fileId, file.chunks.length])).toEqual([
      [a.id, 2],
      [b.id, 1],
    ]);
    expect(sending?.uploads.map((upload) => upload.fileId)).toEqual([a.id, b.id]);
    const file = manifest.files[0]!;
    const fileKey = await importFileKey(file.key);
    const chunk1 = (await readChunk(db, a.id, 1))!;
    expect(await sha256Hex(chunk1)).toBe(file.chunks[1]);
    expect((await openChunk(fileKey, a.id, 1, chunk1)).length).toBe(10);
    await expect(openChunk(fileKey, a.id, 0, chunk1)).rejects.toThrow();
    await expect(openChunk(fileKey, b.id, 1, chunk1)).rejects.toThrow();

    // The schema refuses a manifest whose chunks do not fit the size, or that lists a file twice.
    expect(evidenceManifestSchema.safeParse({ ...manifest, files: [{ ...file, chunks: [file.chunks[0]] }] }).success).toBe(false);
    expect(evidenceManifestSchema.safeParse({ ...manifest, files: [file, file] }).success).toBe(false);
  });

  it('removes one file, or all of a draft’s, chunks included', async () => {
    const db = freshDatabase();
    const key = await deviceKey;
    const draftId = uuidv7();
    const a = await attachFile(db, key, draftId, new Blob([randomBytes(100)]), 'a.pdf', 'application/pdf', new Date());
    await attachFile(db, key, draftId, new Blob([randomBytes(100)]), 'b.pdf', 'application/pdf', new Date());
    await removeFile(db, a.id);
    expect((await listFiles(db, key, draftId)).map((file) => file.name)).toEqual(['b.pdf']);
    await purgeFiles(db, draftId);
    expect(await db.files.count()).toBe(0);
    expect(await db.fileChunks.count()).toBe(0);
    await expect(evidenceForSending(db, key, [a.id])).rejects.toThrow(/missing/);
  });
});

describe('the evidence pages of the form', () => {
  const id = () => crypto.randomUUID();

  it('come after the responder’s details on child and adult referrals; the description only once a file is attached', () => {
    const adult = examples['adult-nrm'];
    const stop = walk(adult);
    expect(stop.at).toBe(CHECK);
    const names = stop.done.map((page) => page.id);
    expect(names.slice(-2)).toEqual(['alternative-contact', 'evidence']);

    const withFiles = { ...adult, evidenceFiles: [id(), id()] };
    const needsDescription = walk(withFiles);
    expect(needsDescription.at !== CHECK && needsDescription.at.id).toBe('evidence-description');
    expect(walk({ ...withFiles, evidenceDescription: 'Two photos of the caravan.' }).at).toBe(CHECK);

    const sent = referralSchema.safeParse(referralFromAnswers({ ...withFiles, evidenceDescription: 'Two photos of the caravan.' }));
    expect(sent.success).toBe(true);
    expect(walk(examples.child).done.map((page) => page.id)).toContain('evidence');
  });

  it('are never part of a Duty to Notify report', () => {
    const dtn = Object.entries(examples).filter(([name]) => name.startsWith('dtn'));
    expect(dtn.length).toBeGreaterThan(0);
    for (const [, answers] of dtn) {
      expect(walk(answers).done.map((page) => page.id)).not.toContain('evidence');
      expect(referralSchema.safeParse({ ...(referralFromAnswers(answers) as object), evidenceFiles: [id()] }).success).toBe(false);
    }
  });

  it('refuse a damaged list of files and a description over 15,000 characters', () => {
    const adult = examples['adult-nrm'];
    expect(referralSchema.safeParse(referralFromAnswers({ ...adult, evidenceFiles: ['not-an-id'] })).success).toBe(false);
    expect(referralSchema.safeParse(referralFromAnswers({ ...adult, evidenceFiles: [id()], evidenceDescription: 'x'.repeat(15_001) })).success).toBe(false);
  });
});
