import type { CaseResponse, ReferralsByPathResponse, SignedInUser } from '../../shared/accounts.ts';
import { SMALL_NUMBER_THRESHOLD } from '../../shared/accounts.ts';
import { referralPaths } from '../../shared/referral.ts';
import type { AuditLog } from '../storage/audit-log.ts';
import type { ReferralStore } from '../storage/referral-store.ts';

/** Reading cases (always audited) and the figures analysts see (small numbers suppressed). */
export function createCaseService({ referrals, audit, now }: { referrals: ReferralStore; audit: AuditLog; now: () => Date }) {
  /**
   * Family links are mutual, but each referral carries only those made before it was sealed: a link
   * made later travels with the other person's referral only, so both directions are read.
   */
  async function linkedTo(id: string, encounterId: string | null, family: readonly string[]): Promise<CaseResponse['linked']> {
    const together = encounterId ? (await referrals.findByEncounter(encounterId)).filter((other) => other.id !== id) : [];
    const linkedBack = together.filter((other) => other.family?.includes(id)).map((other) => other.id);
    return { encounterId, sameEncounter: together.map((other) => other.id), family: [...new Set([...family, ...linkedBack])] };
  }

  return {
    /** The audit entry is written before the case is handed out: no read goes unrecorded. */
    async read(reader: SignedInUser, id: string): Promise<CaseResponse | undefined> {
      const found = await referrals.caseById(id);
      if (!found) return undefined;
      await audit.append({ at: now().toISOString(), actor: reader.id, action: 'case-read', subject: found.id });
      const { deviceId: _device, encounterId, family, envelope, ...index } = found;
      return { ...index, envelope: JSON.parse(envelope) as CaseResponse['envelope'], linked: await linkedTo(found.id, encounterId, family ?? []) };
    },

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
