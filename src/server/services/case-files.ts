import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { SignedInUser } from '../../shared/accounts.ts';
import type { CaseFilesResponse } from '../../shared/casework/files.ts';
import type { CaseFile } from '../../shared/casework/files.ts';
import {
  additionEvidenceAad,
  CHUNK_BYTES,
  evidenceAad,
  evidenceManifestSchema,
  importFileKey,
  openChunk,
  type EvidenceFile,
  type EvidenceType,
} from '../../shared/evidence.ts';
import { sealedEnvelopeSchema } from '../../shared/protocol.ts';
import { openJson } from '../../shared/sealing.ts';
import { z } from 'zod/mini';
import type { IntakeKeyring } from '../crypto/intake-keys.ts';
import type { AdditionStore } from '../storage/addition-store.ts';
import type { AuditLog } from '../storage/audit-log.ts';
import type { CaseStore } from '../storage/case-store.ts';
import type { EvidenceStore } from '../storage/evidence-store.ts';
import { PANEL_STAGE } from './casework-queue.ts';
import type { ReferralStore, StoredReferral } from '../storage/referral-store.ts';

/** A file ready to send: what its headers need, and its plaintext as it is decrypted, a chunk at a time. */
export interface OpenedCaseFile {
  name: string;
  type: EvidenceType;
  /** Plaintext bytes: exactly what `stream` yields when it ends without an error. */
  size: number;
  stream: Readable;
}

/**
 * Thrown into a download's stream. Its message names neither the file nor the case: it may be logged.
 */
export class EvidenceIntegrityError extends Error {
  override name = 'EvidenceIntegrityError';
}

/**
 * The plaintext of one file, read from storage and decrypted ONE chunk at a time as the reader pulls
 * (a 25 MB file is never in memory whole). A chunk that is missing, fails AES-GCM authentication (its
 * key, file id and index are all bound in) or has the wrong length destroys the stream with an error,
 * and none of its bytes go out. The last chunk is held back until the SHA-256 of the whole plaintext
 * matches the manifest's: a reader given a Content-Length never sees the full count of bytes unless
 * they are the very bytes the device sealed.
 */
async function plaintextOf(evidence: EvidenceStore, referralId: string, file: EvidenceFile): Promise<Readable> {
  async function* chunks(): AsyncGenerator<Buffer> {
    const key = await importFileKey(file.key);
    const hash = createHash('sha256');
    const last = file.chunks.length - 1;
    for (const [index, sha256] of file.chunks.entries()) {
      const sealed = await evidence.readChunk(referralId, file.fileId, index, sha256);
      if (!sealed) throw new EvidenceIntegrityError(`Evidence chunk ${index} is not held`);
      let plain: Uint8Array;
      try {
        plain = await openChunk(key, file.fileId, index, new Uint8Array(sealed));
      } catch {
        throw new EvidenceIntegrityError(`Evidence chunk ${index} failed authentication`);
      }
      if (plain.byteLength !== Math.min(CHUNK_BYTES, file.size - index * CHUNK_BYTES)) {
        throw new EvidenceIntegrityError(`Evidence chunk ${index} has the wrong length`);
      }
      hash.update(plain);
      if (index === last && hash.digest('hex') !== file.sha256) throw new EvidenceIntegrityError('Evidence file does not match its SHA-256');
      yield Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
    }
  }
  // The first chunk is opened before any header is set: a file that fails there (a one-chunk file, its
  // hash included) is refused with a plain error response rather than a cut connection.
  const source = chunks();
  const first = await source.next();
  async function* all(): AsyncGenerator<Buffer> {
    if (!first.done) yield first.value;
    yield* source;
  }
  // Not object mode: Buffers, and backpressure pulls the next chunk only once this one is taken.
  return Readable.from(all(), { objectMode: false, highWaterMark: 1 });
}

/** An addition's sealed manifest as stored (case_additions.evidence). */
const sealedManifestSchema = z.pick(sealedEnvelopeSchema, { keyId: true, enc: true, ct: true });

/**
 * Evidence files of a received referral for its case readers: listed from the sealed manifest (which
 * only the server can open) and downloaded decrypted. Every list and read is audited before anything is
 * handed out, with the referral as subject and never a file name. A Duty to Notify report is no case.
 */
export function createCaseFileService({
  referrals,
  cases,
  additions,
  evidence,
  audit,
  keyring,
  now,
}: {
  referrals: ReferralStore;
  cases: CaseStore;
  additions: AdditionStore;
  evidence: EvidenceStore;
  audit: AuditLog;
  keyring: IntakeKeyring;
  now: () => Date;
}) {
  async function openManifest(sealed: { keyId: string; enc: string; ct: string }, aad: Uint8Array<ArrayBuffer>): Promise<EvidenceFile[]> {
    const key = keyring.privateKey(sealed.keyId);
    if (!key) throw new Error('The intake key that sealed a stored case’s evidence is not held');
    return evidenceManifestSchema.parse(await openJson(key, sealed, aad)).files;
  }

  /**
   * The files of a stored case: the referral's, then those its additions brought. Every manifest was
   * opened when it was taken, so failing to open one now is a server fault.
   */
  async function filesOf(stored: StoredReferral): Promise<{ file: EvidenceFile; addedWith?: CaseFile['addedWith'] }[]> {
    const envelope = sealedEnvelopeSchema.parse(JSON.parse(stored.envelope));
    const own = envelope.evidence ? await openManifest({ keyId: envelope.keyId, ...envelope.evidence }, evidenceAad(stored.id)) : [];
    const found: { file: EvidenceFile; addedWith?: CaseFile['addedWith'] }[] = own.map((file) => ({ file }));
    for (const addition of await additions.withFiles(stored.id)) {
      const sealed = sealedManifestSchema.parse(JSON.parse(addition.evidence));
      for (const file of await openManifest(sealed, additionEvidenceAad(stored.id, addition.id))) found.push({ file, addedWith: { kind: addition.kind, receivedAt: addition.receivedAt } });
    }
    return found;
  }

  /** A panel member reads a case's files only while it awaits the panel, as with the case itself. */
  async function caseOf(reader: SignedInUser, id: string): Promise<StoredReferral | undefined> {
    const stored = await referrals.findById(id);
    if (!stored || stored.path === 'dtn') return undefined;
    if (reader.role === 'panel' && (await cases.find(id))?.state.stage !== PANEL_STAGE) return undefined;
    return stored;
  }

  return {
    async list(reader: SignedInUser, id: string): Promise<CaseFilesResponse | undefined> {
      const stored = await caseOf(reader, id);
      if (!stored) return undefined;
      const files = await filesOf(stored);
      await audit.append({ at: now().toISOString(), actor: reader.id, action: 'case-files-listed', subject: stored.id });
      return { files: files.map(({ file: { fileId, name, type, size }, addedWith }) => ({ fileId, name, type, size, ...(addedWith ? { addedWith } : {}) })) };
    },

    /**
     * Undefined for an unknown case or file; otherwise audited, then a stream that errors rather than
     * send a wrong byte. Throws EvidenceIntegrityError when the first chunk already fails.
     */
    async open(reader: SignedInUser, id: string, fileId: string): Promise<OpenedCaseFile | undefined> {
      const stored = await caseOf(reader, id);
      if (!stored) return undefined;
      const file = (await filesOf(stored)).find((listed) => listed.file.fileId === fileId)?.file;
      if (!file) return undefined;
      await audit.append({ at: now().toISOString(), actor: reader.id, action: 'case-file-read', subject: stored.id });
      return { name: file.name, type: file.type, size: file.size, stream: await plaintextOf(evidence, stored.id, file) };
    },
  };
}

export type CaseFileService = ReturnType<typeof createCaseFileService>;
