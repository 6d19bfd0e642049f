import { useEffect } from 'preact/hooks';
import { createDraft } from '../../store/drafts.ts';
import { stepOrder } from '../journey.ts';
import { navigate, paths } from '../router.ts';
import { useServices } from '../services.ts';

/** Makes the draft (and with it the referral's id) before the first question, so the first keystroke is saved. */
export function NewReferral() {
  const { db, clock } = useServices();
  useEffect(() => {
    void createDraft(db, clock.now()).then((draft) => navigate(paths.step(draft.id, stepOrder[0] ?? 'case-label'), { replace: true }));
  }, [db, clock]);
  return null;
}
