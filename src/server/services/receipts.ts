import type { ReferralStatus, ReferralStore } from '../storage/referral-store.ts';

/** What devices poll for after sending: references and states only, never case content. */
export function createReceiptService({ referrals }: { referrals: ReferralStore }) {
  return {
    /** Changes after `since` (ISO time), oldest first; with `deviceId`, only of referrals that device sent. */
    statusesOf(ids: readonly string[], since: string, deviceId?: string): Promise<ReferralStatus[]> {
      return referrals.statusesOf(ids, since, deviceId);
    },
  };
}

export type ReceiptService = ReturnType<typeof createReceiptService>;
