import type { AdditionReceipt, AdditionSubmission } from '../shared/additions.ts';
import type { HeldChunks, UploadFile } from '../shared/evidence-protocol.ts';
import type { Problem, Receipt, ReferralStatus, Submission } from '../shared/protocol.ts';

export interface ReferralDue {
  kind?: 'referral';
  id: string;
  attempts: number;
  submission: Submission;
  /** Evidence files whose chunks must all be on the server before the submission is sent. */
  files?: UploadFile[];
}

/** An answer or a reconsideration request for a delivered referral. */
export interface AdditionDue {
  kind: 'addition';
  id: string;
  attempts: number;
  referralId: string;
  addition: AdditionSubmission;
  /** Files it brings (new evidence), uploaded under its referral before it is sent. */
  files?: UploadFile[];
}

export type DueItem = ReferralDue | AdditionDue;

/** What the engine needs of the device's outbox; the composition root fills it with the store. */
export interface OutboxPort {
  /** How many items are due at `nowMs` (for "Sending 3 of 12"). */
  countDue(nowMs: number): Promise<number>;
  /** Up to `limit` due items, longest waiting first. */
  due(nowMs: number, limit: number): Promise<DueItem[]>;
  markSending(id: string, now: Date): Promise<void>;
  /** One stored chunk of a file, exactly as it is uploaded; undefined if the device no longer has it. */
  readChunk(fileId: string, index: number): Promise<Uint8Array<ArrayBuffer> | undefined>;
  markDelivered(id: string, receipt: Receipt | AdditionReceipt, now: Date): Promise<void>;
  markRetry(id: string, attempts: number, nextAttemptAt: number, reason: string, now: Date): Promise<void>;
  markNeedsAttention(id: string, problem: Problem, now: Date): Promise<void>;
  markPaused(id: string, reason: string, now: Date): Promise<void>;
  delivered(): Promise<{ ids: string[]; since: string }>;
  applyStatuses(statuses: ReferralStatus[]): Promise<void>;
}

/** How one attempt ended, as far as the outbox is concerned. */
export type SendOutcome =
  | { kind: 'delivered'; receipt: Receipt | AdditionReceipt }
  | { kind: 'refused'; problem: Problem }
  | { kind: 'unauthorised'; reason: string; revoked: boolean }
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

/** Any outcome but delivery: how an upload step that did not succeed ended. */
export type NotDelivered = Exclude<SendOutcome, { kind: 'delivered' }>;

/** One chunk to upload: identified by its referral, file, place and the SHA-256 of its bytes. */
export interface ChunkUpload {
  referralId: string;
  fileId: string;
  index: number;
  /** Of the whole sealed chunk, also when `body` is one part of it. */
  sha256: string;
  body: Uint8Array<ArrayBuffer>;
  /** When `body` is one part of the chunk: where it starts, and the whole chunk's length. */
  part?: { offset: number; length: number };
}

export interface TransportPort {
  send(submission: Submission): Promise<SendOutcome>;
  /** Sends an addition to the referral it belongs to; delivered only on a receipt naming it. */
  sendAddition(referralId: string, addition: AdditionSubmission): Promise<SendOutcome>;
  /**
   * Which chunks of a file the server already holds (a repeat upload is then skipped), and, from a
   * server that takes chunks in parts, how much of each unfinished chunk (`partial`).
   */
  heldChunks(referralId: string, fileId: string): Promise<{ kind: 'held'; held: HeldChunks } | NotDelivered>;
  /**
   * Stores one chunk, or one part of it; the server answers the same for a chunk it already had.
   * `out-of-order`: the part does not follow what the server holds of its chunk (it lost them).
   */
  putChunk(chunk: ChunkUpload): Promise<{ kind: 'stored' } | { kind: 'out-of-order' } | NotDelivered>;
  /** A cheap request that proves the server can be reached now (navigator.onLine cannot). */
  reachable(): Promise<boolean>;
  /** Status changes of these referrals after `since`; undefined when the server could not be asked. */
  statuses(ids: string[], since: string): Promise<ReferralStatus[] | undefined>;
}

/**
 * Adds a device's signature headers to a sync request (method, path with query, the exact body).
 * Resolves to no headers while the device is not enrolled.
 */
export type RequestSigner = (request: SignableRequest) => Promise<Record<string, string>>;

export interface SignableRequest {
  method: string;
  /** Path and query, exactly as sent. */
  target: string;
  /** The exact bytes sent; none for a request without a body. */
  body?: string | Uint8Array<ArrayBuffer>;
}

/** The device's key as the store keeps it: signs at the time given, with no headers before enrolment. */
export interface DeviceSigner {
  sign(request: SignableRequest, now: Date): Promise<Record<string, string>>;
}

export interface Clock {
  now(): Date;
}

/** Runs `task` while holding the one sender lock shared by every tab and the service worker. */
export type ExclusiveRunner = <T>(task: () => Promise<T>) => Promise<T>;
