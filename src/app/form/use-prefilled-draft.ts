import { useEffect, useMemo, useState } from 'preact/hooks';
import { prefillAnswers } from '../../shared/form/responder-profile.ts';
import type { Draft } from '../../store/drafts.ts';
import type { ProfileState } from '../../store/responder-profile.ts';
import { useServices } from '../shell/services.ts';
import { useDrafts } from './use-drafts.ts';
import { useFormDraft } from './use-form-draft.ts';
import { useResponderProfile } from './use-responder-profile.ts';

export interface PrefilledDraft {
  draft: Draft | null;
  profile: ProfileState;
}

/**
 * A draft for a page of the form, with what nobody need type already in it (the responder's saved
 * details, today as the consent date, the interpreter's language): written into the draft before
 * any page shows it, so every page, the walk and check your answers see the same answers.
 */
export function usePrefilledDraft(id: string): PrefilledDraft | undefined {
  const { clock } = useServices();
  const drafts = useDrafts();
  const found = useFormDraft(id);
  const [profile] = useResponderProfile();
  const [filled, setFilled] = useState<{ from: Draft; draft: Draft } | undefined>(undefined);
  const added = useMemo(() => (found && profile && found.queuedAt === undefined ? prefillAnswers(found.answers, profile.profile, clock.now()) : {}), [found, profile, clock]);
  const adds = Object.keys(added).length > 0;
  useEffect(() => {
    if (!found || !adds) return;
    let current = true;
    void drafts.save(found.id, { answers: added }).then(() => {
      if (current) setFilled({ from: found, draft: { ...found, answers: { ...found.answers, ...added } } });
    });
    return () => {
      current = false;
    };
  }, [drafts, found, added, adds]);
  if (found === undefined || profile === undefined) return undefined;
  if (found === null || !adds) return { draft: found, profile };
  return filled?.from === found ? { draft: filled.draft, profile } : undefined;
}
