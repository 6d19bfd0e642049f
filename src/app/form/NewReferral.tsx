import { useEffect } from 'preact/hooks';
import { FIRST_PAGE } from '../../shared/case-label.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useDrafts } from './use-drafts.ts';

/** Makes the draft (and with it the referral's id) before the first question, so the first keystroke is saved. */
export function NewReferral() {
  const drafts = useDrafts();
  useEffect(() => {
    void drafts.create().then((draft) => navigate(paths.step(draft.id, FIRST_PAGE), { replace: true }));
  }, [drafts]);
  return null;
}
