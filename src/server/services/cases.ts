import type { ReferralsByPathResponse } from '../../shared/accounts.ts';
import { SMALL_NUMBER_THRESHOLD } from '../../shared/accounts.ts';
import { referralPaths } from '../../shared/referral.ts';
import type { ReferralStore } from '../storage/referral-store.ts';

/** The figures analysts see: counts only, small numbers suppressed. Reading a case is casework.ts. */
export function createCaseService({ referrals }: { referrals: ReferralStore }) {
  return {
    async referralsByPath(): Promise<ReferralsByPathResponse> {
      const counts = new Map((await referrals.countByPath()).map(({ path, count }) => [path, count]));
      return {
        suppressedBelow: SMALL_NUMBER_THRESHOLD,
        rows: referralPaths.map((path) => {
          const count = counts.get(path) ?? 0;
          return { path, count: count < SMALL_NUMBER_THRESHOLD ? null : count };
        }),
      };
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
