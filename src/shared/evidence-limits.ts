/**
 * What may be attached to a referral, without the crypto or the schemas (src/shared/evidence.ts):
 * small enough for the form's tables, which are part of the first load.
 */
export const MAX_FILES = 100;
/** 25 MB as phones show sizes (decimal). */
export const MAX_FILE_BYTES = 25_000_000;
/** Plaintext bytes per chunk: small enough to hold a few in memory, large enough that 25 MB is 24 requests. */
export const CHUNK_BYTES = 1024 * 1024;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
/** The largest body of one chunk upload. */
export const MAX_SEALED_CHUNK_BYTES = CHUNK_BYTES + IV_BYTES + TAG_BYTES;
export const MAX_CHUNKS = Math.ceil(MAX_FILE_BYTES / CHUNK_BYTES);
/** Longest file name kept; longer ones are shortened (the extension stays). */
export const MAX_NAME_LENGTH = 200;

/** The kinds of file the decision unit accepts, by extension, with the one type each is stored as. */
export const EVIDENCE_TYPES = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[keyof typeof EVIDENCE_TYPES];
export const evidenceTypes = [...new Set(Object.values(EVIDENCE_TYPES))] as [EvidenceType, ...EvidenceType[]];
/** For a file input's `accept`: extensions and types, since phones report some documents without a type. */
export const EVIDENCE_ACCEPT = [...Object.keys(EVIDENCE_TYPES).map((ext) => `.${ext}`), ...evidenceTypes].join(',');
export const PHOTO_TYPES: readonly EvidenceType[] = ['image/jpeg', 'image/png'];

/** The type a file is kept as, from its name, or undefined when it is not a kind the service accepts. */
export function evidenceTypeOf(name: string, reportedType: string): EvidenceType | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = (EVIDENCE_TYPES as Record<string, EvidenceType>)[ext];
  // A reported type that disagrees with the extension (a renamed file) is refused; none at all is common.
  const reported = reportedType.toLowerCase();
  if (!type || (reported !== '' && reported !== 'application/octet-stream' && reported !== type && !(ext === 'jpg' && reported === 'image/pjpeg'))) {
    return undefined;
  }
  return type;
}

export type FileIssue = 'type' | 'size' | 'empty' | 'count';

/** Why a file cannot be attached, checked before a byte of it is stored; undefined when it can. */
export function evidenceFileIssue(file: { name: string; type: string; size: number }, alreadyAttached: number): FileIssue | undefined {
  if (alreadyAttached >= MAX_FILES) return 'count';
  if (!evidenceTypeOf(file.name, file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return undefined;
}

export function shortenName(name: string): string {
  if (name.length <= MAX_NAME_LENGTH) return name;
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  return `${name.slice(0, MAX_NAME_LENGTH - ext.length - 1)}…${ext}`;
}


export const chunkCount = (size: number) => Math.max(1, Math.ceil(size / CHUNK_BYTES));
/** Bytes on the wire of chunk `index` of a file of `size` plaintext bytes. */
export const sealedChunkBytes = (size: number, index: number) => Math.min(CHUNK_BYTES, size - index * CHUNK_BYTES) + IV_BYTES + TAG_BYTES;
