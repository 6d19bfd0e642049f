import { Dexie, type Table } from 'dexie';
import type { ReferralAnswers } from '../shared/referral.ts';
import type { Problem, Receipt, Submission } from '../shared/protocol.ts';

export interface DraftRecord {
  /** UUIDv7 made when the draft is created; it becomes the referral's idempotency key. */
  id: string;
  caseLabel: string;
  answers: ReferralAnswers;
  createdAt: string;
  updatedAt: string;
  /** Set once the referral is in the outbox: the draft is kept (to fix a refusal) but no longer listed. */
  queuedAt?: string;
}

export type OutboxState = 'queued' | 'sending' | 'delivered' | 'needs-attention';

export interface OutboxRecord {
  id: string;
  caseLabel: string;
  state: OutboxState;
  createdAt: string;
  updatedAt: string;
  /** The body to send; removed once the receipt is stored. */
  submission?: Submission;
  attempts: number;
  /** Epoch milliseconds; indexed so the sender finds what is due. */
  nextAttemptAt: number;
  lastAttemptAt?: string;
  lastError?: string;
  receipt?: Receipt;
  problem?: Problem;
}

export const DATABASE_NAME = 'nrm-field';

export class FieldDatabase extends Dexie {
  drafts!: Table<DraftRecord, string>;
  outbox!: Table<OutboxRecord, string>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      drafts: 'id, updatedAt',
      outbox: 'id, state, nextAttemptAt',
    });
  }
}
