import type { Problem, Receipt, Submission } from '../shared/protocol.ts';

export interface DueItem {
  id: string;
  attempts: number;
  submission: Submission;
}

/** What the engine needs of the device's outbox; the composition root fills it with the store. */
export interface OutboxPort {
  due(nowMs: number): Promise<DueItem[]>;
  markSending(id: string, now: Date): Promise<void>;
  markDelivered(id: string, receipt: Receipt, now: Date): Promise<void>;
  markRetry(id: string, attempts: number, nextAttemptAt: number, reason: string, now: Date): Promise<void>;
  markNeedsAttention(id: string, problem: Problem, now: Date): Promise<void>;
}

/** How one attempt ended, as far as the outbox is concerned. */
export type SendOutcome =
  | { kind: 'delivered'; receipt: Receipt }
  | { kind: 'refused'; problem: Problem }
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

export interface TransportPort {
  send(submission: Submission): Promise<SendOutcome>;
}

export interface Clock {
  now(): Date;
}

/** Runs `task` while holding the one sender lock shared by every tab and the service worker. */
export type ExclusiveRunner = <T>(task: () => Promise<T>) => Promise<T>;
