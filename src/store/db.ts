import { Dexie, type Table } from 'dexie';
import type { ReferralAnswers } from '../shared/referral.ts';
import type { Problem, Receipt, Submission } from '../shared/protocol.ts';
import type { UploadFile } from '../shared/evidence-protocol.ts';
import type { Boxed } from './box.ts';
import type { Progress } from '../shared/casework/progress.ts';
import type { AdditionReceipt, AdditionSubmission } from '../shared/additions.ts';
import type { ResponderActionType } from '../shared/casework/responder-actions.ts';

/** The device's signing key pair and, once enrolled, its id. */
export interface DeviceIdentityRecord {
  id: 'device';
  /** Non-extractable: it signs, and nothing (not even this app) can read it out. */
  privateKey: CryptoKey;
  publicKey: JsonWebKey;
  deviceId?: string;
  enrolledAt?: string;
}

/** Only the id and times are in the clear: enough to list and order encounters while locked. */
export interface EncounterRecord {
  id: string;
  content: Boxed;
  createdAt: string;
  updatedAt: string;
  /** Closed encounters leave the start page; their people's drafts stay and keep their links. */
  closedAt?: string;
}

export interface VaultRecord {
  id: 'device';
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  /** The data key, encrypted (AES-GCM) under the key derived from the passphrase. */
  wrappedKey: ArrayBuffer;
  wrapIv: Uint8Array<ArrayBuffer>;
  failedAttempts: number;
  /** Epoch ms before which no unlock is tried (the growing delay after failures). */
  retryAt: number;
  createdAt: string;
  /** Present once a passkey unlocks this device too (src/store/passkey.ts). */
  passkey?: PasskeyWrapping;
}

/**
 * The same data key, wrapped a second time under a key derived (HKDF-SHA-256) from the passkey's PRF
 * output for `prfSalt`. Nothing here unlocks anything without the authenticator that made it.
 */
export interface PasskeyWrapping {
  credentialId: ArrayBuffer;
  /** The PRF input: random, so the PRF output is this app's alone. */
  prfSalt: Uint8Array<ArrayBuffer>;
  wrappedKey: ArrayBuffer;
  wrapIv: Uint8Array<ArrayBuffer>;
  createdAt: string;
}

/** What a draft holds that is personal; encrypted at rest as `content`. */
export interface DraftContent {
  caseLabel: string;
  answers: ReferralAnswers;
}

export interface DraftRecord {
  /** UUIDv7 made when the draft is created; it becomes the referral's idempotency key. */
  id: string;
  content?: Boxed;
  /** Versions 1–2 kept these in the clear; they are encrypted at the first unlock after the update. */
  caseLabel?: string;
  answers?: ReferralAnswers;
  createdAt: string;
  updatedAt: string;
  /** Set once the referral is in the outbox: the draft is kept (to fix a refusal) but no longer listed. */
  queuedAt?: string;
  /** The encounter this person was met at (an id, nothing personal), so an encounter finds its people. */
  encounterId?: string;
}

/**
 * queued → sending → delivered, or needs-attention (the server refused the content: fix and resend),
 * or paused (the server no longer knows this device: sign in again). Only a matching receipt or a
 * confirmed action of the user takes an item out of the outbox.
 */
export type OutboxState = 'queued' | 'sending' | 'delivered' | 'needs-attention' | 'paused';

export interface OutboxRecord {
  id: string;
  /** The responder's own case label, encrypted at rest. */
  label?: Boxed;
  /** Versions 1–2 kept the label in the clear; it is encrypted at the first unlock after the update. */
  caseLabel?: string;
  state: OutboxState;
  /** The version of the body, readable without opening the body (which will be sealed). */
  schemaVersion: number;
  createdAt: string;
  updatedAt: string;
  attempts: number;
  /** Epoch milliseconds; indexed so the sender finds what is due. */
  nextAttemptAt: number;
  lastAttemptAt?: string;
  lastError?: string;
  receipt?: Receipt;
  problem?: Problem;
  /** Where the case stands at the decision unit, as last heard from the server. */
  caseStatus?: { status: string; changedAt: string; progress?: Progress; question?: string };
}

/**
 * What the responder adds to a delivered referral (an answer, a reconsideration request), sealed on the
 * device and sent through the outbox like a referral: the same states, and only a receipt takes it out.
 * The sealed body, and the files it brought, are deleted on delivery; the device never holds what it said in the clear.
 */
export interface AdditionRecord {
  id: string;
  referralId: string;
  kind: ResponderActionType;
  state: OutboxState;
  createdAt: string;
  updatedAt: string;
  attempts: number;
  nextAttemptAt: number;
  lastAttemptAt?: string;
  lastError?: string;
  problem?: Problem;
  submission?: AdditionSubmission;
  /** The sealed chunks of the files it brings, uploaded before it is sent (their rows carry its id as draftId). */
  files?: UploadFile[];
  receipt?: AdditionReceipt;
}

/**
 * The body to send, kept apart from the outbox row so that listing the outbox never reads (or, once
 * sealed, needs) the referral itself. Deleted when the receipt is stored.
 */
export interface EnvelopeRecord {
  id: string;
  submission: Submission;
  /** The sealed chunks to upload before the submission, by file (hashes of ciphertext only). */
  files?: UploadFile[];
}

/**
 * An evidence file attached to a draft (src/store/evidence.ts). Its chunks are encrypted with a key
 * of its own, which is kept here boxed with the device's data key together with the name, type,
 * size and SHA-256 of the plaintext. Deleted with the draft, or once the referral is delivered.
 */
export interface FileRecord {
  /** Random UUID, made when the file is attached. */
  id: string;
  /** The draft (and later the referral) it belongs to. */
  draftId: string;
  meta: Boxed;
  /** SHA-256 (hex) of each stored chunk as it is, in order: what the server checks on upload. */
  chunks: string[];
  /** Stored (sealed) bytes, for progress and storage figures. */
  bytes: number;
  createdAt: string;
  /** Set once every chunk is stored: a file cut short (crash, full device) is never listed or sent. */
  complete: 0 | 1;
}

/** One encrypted chunk of a file: `iv ‖ ciphertext` under the file's own key. */
export interface FileChunkRecord {
  fileId: string;
  index: number;
  data: ArrayBuffer;
}

export const DATABASE_NAME = 'nrm-field';

export class FieldDatabase extends Dexie {
  drafts!: Table<DraftRecord, string>;
  outbox!: Table<OutboxRecord, string>;
  envelopes!: Table<EnvelopeRecord, string>;
  vault!: Table<VaultRecord, 'device'>;
  device!: Table<DeviceIdentityRecord, 'device'>;
  encounters!: Table<EncounterRecord, string>;
  files!: Table<FileRecord, string>;
  fileChunks!: Table<FileChunkRecord, [string, number]>;
  additions!: Table<AdditionRecord, string>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      drafts: 'id, updatedAt',
      outbox: 'id, state, nextAttemptAt',
    });
    this.version(2)
      .stores({ outbox: 'id, state, nextAttemptAt, schemaVersion, [state+nextAttemptAt]', envelopes: 'id' })
      .upgrade(async (tx) => {
        const envelopes = tx.table<EnvelopeRecord, string>('envelopes');
        await tx
          .table('outbox')
          .toCollection()
          .modify((row: OutboxRecordV1) => {
            const { submission } = row;
            row.schemaVersion ??= submission?.schemaVersion ?? 1;
            if (submission) void envelopes.put({ id: row.id, submission });
            delete row.submission;
          });
      });
    this.version(3).stores({ vault: 'id' });
    this.version(4).stores({ device: 'id' });
    this.version(5).stores({ encounters: 'id, updatedAt', drafts: 'id, updatedAt, encounterId' });
    // Version 5 is the encounter mode's. Evidence files: new tables only, nothing to move.
    this.version(6).stores({ files: 'id, draftId', fileChunks: '[fileId+index], fileId' });
    // Additions to delivered referrals (answers, reconsideration requests): a new table only.
    this.version(7).stores({ additions: 'id, referralId, [state+nextAttemptAt]' });
  }
}

/** Version 1 rows held the body inside the row, and its version only inside the body. */
type OutboxRecordV1 = Omit<OutboxRecord, 'schemaVersion'> & { schemaVersion?: number; submission?: Submission };
