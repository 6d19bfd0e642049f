import {
  CHUNK_BYTES,
  EVIDENCE_FORMAT,
  chunkCount,
  importFileKey,
  newFileKey,
  openChunk,
  sealChunk,
  sha256Hex,
  shortenName,
  type EvidenceFile,
  type EvidenceManifest,
  type EvidenceType,
  type UploadFile,
} from '../shared/evidence.ts';

export { purgeFiles, purgeFilesExcept, readChunk, removeFile } from './evidence-chunks.ts';
import { Sha256 } from '../shared/sha256-stream.ts';
import { box, unbox } from './box.ts';
import { readChunk, removeFile } from './evidence-chunks.ts';
import type { FieldDatabase, FileRecord } from './db.ts';

/** What the vault's key protects of a file: everything that tells what it is, and its key. */
interface FileMeta {
  name: string;
  type: EvidenceType;
  size: number;
  sha256: string;
  key: string;
}

/** A file as the screens see it (no key). */
export interface AttachedFile {
  id: string;
  name: string;
  type: EvidenceType;
  size: number;
  sha256: string;
  createdAt: string;
}

const metaContext = (id: string) => `file:${id}`;

/**
 * Stores a file for a draft, a chunk at a time: each chunk is read from the Blob, hashed into the
 * whole file's SHA-256, encrypted with the file's own key and written, so no more than a chunk or
 * two is ever in memory. The row is listed only once complete; a device that fills up midway keeps
 * nothing of the file (and everything attached before).
 */
export async function attachFile(db: FieldDatabase, vaultKey: CryptoKey, draftId: string, blob: Blob, name: string, type: EvidenceType, now: Date): Promise<AttachedFile> {
  const id = crypto.randomUUID();
  const { key, raw } = await newFileKey();
  const hasher = new Sha256();
  const chunks: string[] = [];
  const size = blob.size;
  let bytes = 0;
  const createdAt = now.toISOString();
  const placeholder = await box(vaultKey, null, metaContext(id));
  await db.files.add({ id, draftId, meta: placeholder, chunks, bytes: 0, createdAt, complete: 0 });
  try {
    for (let index = 0; index < chunkCount(size); index += 1) {
      const plain = new Uint8Array(await blob.slice(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES).arrayBuffer());
      hasher.update(plain);
      const sealed = await sealChunk(key, id, index, plain);
      chunks.push(await sha256Hex(sealed));
      bytes += sealed.byteLength;
      await db.fileChunks.put({ fileId: id, index, data: sealed.buffer });
    }
    const meta: FileMeta = { name: shortenName(name), type, size, sha256: hasher.hex(), key: raw };
    await db.files.put({ id, draftId, meta: await box(vaultKey, meta, metaContext(id)), chunks, bytes, createdAt, complete: 1 });
    return { id, name: meta.name, type, size, sha256: meta.sha256, createdAt };
  } catch (error) {
    await removeFile(db, id).catch(() => undefined);
    throw error;
  }
}

async function metaOf(vaultKey: CryptoKey, record: FileRecord): Promise<FileMeta> {
  return unbox<FileMeta>(vaultKey, record.meta, metaContext(record.id));
}

/** The complete files of a draft, oldest first. */
export async function listFiles(db: FieldDatabase, vaultKey: CryptoKey, draftId: string): Promise<AttachedFile[]> {
  const records = (await db.files.where('draftId').equals(draftId).toArray()).filter((record) => record.complete === 1);
  records.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return Promise.all(
    records.map(async (record) => {
      const { key: _key, ...meta } = await metaOf(vaultKey, record);
      return { id: record.id, createdAt: record.createdAt, ...meta };
    }),
  );
}

/**
 * The manifest to seal for the server and the plan to upload by, for the files the referral names.
 * Throws when one is missing or incomplete: sending a referral without a file it names must not happen.
 */
export async function evidenceForSending(db: FieldDatabase, vaultKey: CryptoKey, fileIds: readonly string[]): Promise<{ manifest: EvidenceManifest; uploads: UploadFile[] } | undefined> {
  if (fileIds.length === 0) return undefined;
  const records = await db.files.bulkGet([...fileIds]);
  const files: EvidenceFile[] = [];
  const uploads: UploadFile[] = [];
  for (const record of records) {
    if (!record || record.complete !== 1) throw new Error('A file attached to this referral is missing from the device');
    const meta = await metaOf(vaultKey, record);
    files.push({ fileId: record.id, name: meta.name, type: meta.type, size: meta.size, sha256: meta.sha256, key: meta.key, chunkBytes: CHUNK_BYTES, chunks: record.chunks });
    uploads.push({ fileId: record.id, chunks: record.chunks, bytes: record.bytes });
  }
  return { manifest: { format: EVIDENCE_FORMAT, files }, uploads };
}

/** The plaintext of a file, a chunk at a time (to preview, or to prove a round trip). */
export async function* readFilePlaintext(db: FieldDatabase, vaultKey: CryptoKey, id: string): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const record = await db.files.get(id);
  if (!record) throw new Error('No such file on this device');
  const meta = await metaOf(vaultKey, record);
  const key = await importFileKey(meta.key);
  for (let index = 0; index < record.chunks.length; index += 1) {
    const sealed = await readChunk(db, id, index);
    if (!sealed) throw new Error('A chunk of this file is missing');
    yield openChunk(key, id, index, sealed);
  }
}
