import { MAX_FAMILY_LINKS, type ReferralLinks } from '../../shared/links.ts';
import type { Draft } from '../../store/drafts.ts';
import { familyOf, getEncounter } from '../../store/encounters.ts';
import type { AppServices } from '../shell/services.ts';

/**
 * The links a person's referral carries: their encounter, and the family members linked to them
 * there. Read when the referral is sealed, so links made until then travel with it. A draft can
 * only be read unlocked, so the key is at hand.
 */
export async function encounterLinks(services: AppServices, draft: Draft): Promise<ReferralLinks | undefined> {
  if (!draft.encounterId) return undefined;
  const state = services.session.state();
  const encounter = state.kind === 'unlocked' ? await getEncounter(services.db, state.key, draft.encounterId) : undefined;
  const family = encounter ? familyOf(encounter, draft.id).slice(0, MAX_FAMILY_LINKS) : [];
  return family.length > 0 ? { encounterId: draft.encounterId, family } : { encounterId: draft.encounterId };
}
