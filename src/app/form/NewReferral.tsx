import { useEffect } from 'preact/hooks';
import { createDraft } from '../../store/drafts.ts';
import { FIRST_PAGE } from '../../shared/case-label.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useKey, useServices } from '../shell/services.ts';

/** Makes the draft (and with it the referral's id) before the first question, so the first keystroke is saved. */
export function NewReferral() {
  const { db, clock } = useServices();
  const key = useKey();
  useEffect(() => {
    void createDraft(db, key, clock.now()).then((draft) => navigate(paths.step(draft.id, FIRST_PAGE), { replace: true }));
  }, [db, key, clock]);
  return null;
}
