import type { ResponderActionType } from '../../shared/casework/responder-actions.ts';
import type { AuditedBy, CaseChange, CaseNoteRecord } from './case-store.ts';

/** An addition as taken: which referral, from which device, and the digest that tells a repeat from a change. */
export interface AdditionRecord {
  id: string;
  referralId: string;
  deviceId: string;
  kind: ResponderActionType;
  receivedAt: string;
  digest: string;
}

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
   * Records the addition and its effect in one transaction: 'taken'; 'moved' (nothing written) when the
   * case left the version the change was made on; 'taken-before' when another request took this id first.
   */
  take(addition: AdditionRecord, effect: AdditionEffect): Promise<'taken' | 'moved' | 'taken-before'>;
  /** The latest question asked of the responder on each of these referrals (sealed), for their device. */
  questions(referralIds: readonly string[]): Promise<{ referralId: string; detail: string }[]>;
}
