import type { ResponderActionType } from '../../shared/casework/responder-actions.ts';
import type { AuditedBy, CaseChange, CaseNoteRecord } from './case-store.ts';
import type { MissingChunks, RequiredFile } from './referral-store.ts';

/** An addition as taken: which referral, from which device, and the digest that tells a repeat from a change. */
export interface AdditionRecord {
  id: string;
  referralId: string;
  deviceId: string;
  kind: ResponderActionType;
  receivedAt: string;
  digest: string;
  /** The sealed manifest of the files it brought, as received (JSON: keyId, enc, ct); absent when it brought none. */
  evidence?: string;
}

/** An addition that brought files, with their sealed manifest: what the case's file list reads. */
export interface AdditionWithFiles {
  id: string;
  kind: ResponderActionType;
  receivedAt: string;
  evidence: string;
}

export type TakeOutcome =
  | { kind: 'taken' }
  /** Nothing written: the case left the version the change was made on. */
  | { kind: 'moved' }
  /** Nothing written: another request took this id first. */
  | { kind: 'taken-before' }
  /** Nothing written: the sending device has not uploaded every chunk of these files yet. */
  | { kind: 'missing'; files: MissingChunks[] }
  /** Nothing written: a file it names already belongs to the referral or to an earlier addition. */
  | { kind: 'file-taken' };

/** What an addition does to its case: a transition (version-checked), or a note when its stage has passed. */
export type AdditionEffect = { kind: 'change'; change: CaseChange } | { kind: 'note'; note: CaseNoteRecord; audit: AuditedBy };

/** Who sent a referral, so that only its own device may add to it. */
export interface ReferralSender {
  deviceId: string | null;
  userId: string | null;
}

export interface AdditionStore {
  find(id: string): Promise<AdditionRecord | undefined>;
  senderOf(referralId: string): Promise<ReferralSender | undefined>;
  /**
   * Records the addition and its effect in one transaction, and claims the files it brings, only once
   * the device that sent it has uploaded every chunk of them (chunks another device uploaded do not count).
   */
  take(addition: AdditionRecord, effect: AdditionEffect, files: readonly RequiredFile[]): Promise<TakeOutcome>;
  /** The additions to a referral that brought files, oldest first. */
  withFiles(referralId: string): Promise<AdditionWithFiles[]>;
  /** The latest question asked of the responder on each of these referrals (sealed), for their device. */
  questions(referralIds: readonly string[]): Promise<{ referralId: string; detail: string }[]>;
}
