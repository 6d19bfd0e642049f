import type { ReferralStatus, ReferralStore } from '../storage/referral-store.ts';

export interface ReceiptDeps {
  referrals: ReferralStore;
  /** The caseworker's question on each referral waiting for more information (additions.ts). */
  questions: (referralIds: readonly string[]) => Promise<Map<string, string>>;
}

/** What devices poll for after sending: references and states only, never case content. */
export function createReceiptService({ referrals, questions }: ReceiptDeps) {
  return {
    /**
     * Changes after `since` (ISO time), oldest first; with `deviceId`, only of referrals that device sent (null: only those sent unsigned),
     * and then with the question of each one waiting for more information, for the responder to answer.
     */
    async statusesOf(ids: readonly string[], since: string, deviceId?: string | null): Promise<(ReferralStatus & { question?: string })[]> {
      const statuses = await referrals.statusesOf(ids, since, deviceId);
      if (typeof deviceId !== 'string') return statuses;
      const waiting = statuses.filter((status) => status.progress?.stage === 'more-information').map((status) => status.id);
      if (waiting.length === 0) return statuses;
      const asked = await questions(waiting);
      return statuses.map((status) => {
        const question = asked.get(status.id);
        return question === undefined || status.progress?.stage !== 'more-information' ? status : { ...status, question };
      });
    },
  };
}

export type ReceiptService = ReturnType<typeof createReceiptService>;
