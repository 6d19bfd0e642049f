import { z } from 'zod/mini';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { canonicalUuid } from './ids.ts';
import {
  CHUNK_BYTES,
  IV_BYTES,
  chunkCount,
  MAX_CHUNKS,
  MAX_FILE_BYTES,
  MAX_FILES,
  MAX_NAME_LENGTH,
  evidenceTypes,
} from './evidence-limits.ts';

export * from './evidence-limits.ts';
export * from './evidence-protocol.ts';

/**
 * Evidence files (photos and documents) attached to a referral, version 1 of the format.
 *
 * On the device each file is cut into chunks of CHUNK_BYTES and every chunk is encrypted with a
 * random AES-256-GCM key of its own file (`iv ‖ ciphertext+tag`, the file id and chunk index bound
 * in as additional data). At rest the file key is kept boxed with the vault's data key, so the
 * chunks are as unreadable as any draft; when the referral is sent, the file keys and the manifest
 * travel HPKE-sealed to the server's intake key inside the submission's envelope (`envelope.evidence`),
 * so only the server can open them — the chunks themselves are never encrypted twice. The server
 * receives the sealed chunks as they are, identified by the SHA-256 of their bytes, and accepts the
 * referral only once it holds every chunk its manifest names.
 */
export const EVIDENCE_FORMAT = 1;


const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 in hex'));
const fileId = canonicalUuid('A file id is a UUID made on the device', 'A file id must be written in lower case, as the app makes it');

/**
 * One file as the server learns it, inside the sealed envelope only: its name, type and size, the
 * SHA-256 of its plaintext, the key of its chunks, and the SHA-256 of each sealed chunk in order.
 */
export const evidenceFileSchema = z
  .strictObject({
    fileId,
    name: z.string().check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH)),
    type: z.enum(evidenceTypes),
    size: z.int().check(z.minimum(1), z.maximum(MAX_FILE_BYTES)),
    sha256: hex64,
    /** The raw AES-256-GCM key, base64url (32 bytes). */
    key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'Expected a 256-bit key in base64url')),
    chunkBytes: z.literal(CHUNK_BYTES),
    chunks: z.array(hex64).check(z.minLength(1), z.maxLength(MAX_CHUNKS)),
  })
  .check(
    z.refine((file) => file.chunks.length === chunkCount(file.size), { message: 'The number of chunks does not match the size of the file', path: ['chunks'] }),
  );
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export const evidenceManifestSchema = z
  .strictObject({ format: z.literal(EVIDENCE_FORMAT), files: z.array(evidenceFileSchema).check(z.minLength(1), z.maxLength(MAX_FILES)) })
  .check(z.refine((manifest) => new Set(manifest.files.map((file) => file.fileId)).size === manifest.files.length, { message: 'A file is listed twice', path: ['files'] }));
export type EvidenceManifest = z.infer<typeof evidenceManifestSchema>;

/** Binds the sealed manifest to its referral, as the referral's own seal does. */
export function evidenceAad(referralId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`nrm-field evidence v${EVIDENCE_FORMAT} ${referralId}`);
}

/**
 * Binds the sealed manifest of an addition's files (a reconsideration request's new evidence) to its
 * referral and the addition's own id: a manifest moved onto another addition or referral does not open.
 */
export function additionEvidenceAad(referralId: string, additionId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`nrm-field addition evidence v${EVIDENCE_FORMAT} ${referralId} ${additionId}`);
}

/** Binds a sealed chunk to its file and place, so a chunk moved elsewhere does not open. */
export function chunkAad(id: string, index: number): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`nrm-field evidence chunk v${EVIDENCE_FORMAT} ${id} ${index}`);
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer> | ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A WebCrypto key in any runtime (page, service worker, Node), without naming the DOM's type. */
export type FileKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export async function newFileKey(): Promise<{ key: FileKey; raw: string }> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  return { key: await importFileKey(toBase64Url(raw)), raw: toBase64Url(raw) };
}

export function importFileKey(raw: string): Promise<FileKey> {
  return crypto.subtle.importKey('raw', fromBase64Url(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** `iv ‖ ciphertext+tag` of one chunk; a chunk moved to another file or place does not open. */
export async function sealChunk(key: FileKey, id: string, index: number, plain: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: chunkAad(id, index) }, key, plain));
  const sealed = new Uint8Array(IV_BYTES + ct.length);
  sealed.set(iv);
  sealed.set(ct, IV_BYTES);
  return sealed;
}

export async function openChunk(key: FileKey, id: string, index: number, sealed: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const iv = sealed.slice(0, IV_BYTES);
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: chunkAad(id, index) }, key, sealed.slice(IV_BYTES)));
}

