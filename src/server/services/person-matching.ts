import type { MatchingKey } from '../crypto/matching-key.ts';
import { personFeatures, type PersonFeatures } from '../matching/person-features.ts';
import { blockingKeys, compare, MATCH_THRESHOLD, type MatchReason } from '../matching/similarity.ts';
import type { CaseStore, FoundMatch } from '../storage/case-store.ts';

/** Most earlier cases one newcomer is compared with: those sharing most blocking keys, latest first. */
export const CANDIDATE_LIMIT = 50;

export const featuresAad = (id: string) => `nrm-field person-features ${id}`;
export const reasonsAad = (id: string, otherId: string) => `nrm-field possible-match ${id} ${otherId}`;

export interface PersonMatcherDeps {
  cases: CaseStore;
  matchingKey: MatchingKey;
  now: () => Date;
  /** Told when finding fails; never given personal data. */
  warn: (message: string) => void;
}

/**
 * The possible-same-person finder, run once a case is stored: the person's blocking keys are stored as
 * HMACs, the cases sharing one are compared with it, and pairs at or above MATCH_THRESHOLD are kept,
 * both ways, for a caseworker to decide. It never fails an intake: the referral is stored already, and
 * a failure only means this one is not compared.
 */
export function createPersonMatcher({ cases, matchingKey, now, warn }: PersonMatcherDeps) {
  return async function findPossibleMatches(id: string, answers: Record<string, unknown>): Promise<void> {
    try {
      const mine = personFeatures(answers);
      const keys = blockingKeys(mine).map((key) => matchingKey.hmac(key));
      // Nothing to find anyone by (no name, date of birth or phone): nobody could find it either.
      if (keys.length === 0) return;
      const found: FoundMatch[] = [];
      for (const candidate of await cases.candidates(keys, id, CANDIDATE_LIMIT)) {
        const theirs = matchingKey.open(candidate.features, featuresAad(candidate.id)) as PersonFeatures;
        const there = compare(mine, theirs);
        if (there.score < MATCH_THRESHOLD) continue;
        // The reasons name the pair in the reader's order ("Arben Hoxha / Arben Hoxa"), so each way has its own.
        const back: MatchReason[] = compare(theirs, mine).reasons;
        found.push({
          otherId: candidate.id,
          score: there.score,
          reasons: matchingKey.seal(there.reasons, reasonsAad(id, candidate.id)),
          reverseReasons: matchingKey.seal(back, reasonsAad(candidate.id, id)),
        });
      }
      await cases.savePerson(id, keys, matchingKey.seal(mine, featuresAad(id)), found, now().toISOString());
    } catch (error) {
      warn(`Looking for possible same-person referrals failed for referral ${id} (${(error as Error).name}): it is stored, but not compared with others.`);
    }
  };
}

export type FindPossibleMatches = ReturnType<typeof createPersonMatcher>;
