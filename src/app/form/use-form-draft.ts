import { useEffect, useState } from 'preact/hooks';
import { isSettledAnonymousReport } from '../../shared/anonymous-report.ts';
import type { Draft } from '../../store/drafts.ts';
import { forgetEncounterTrail } from '../../store/encounter-people.ts';
import { useKey, useServices } from '../shell/services.ts';
import { useDraft } from './use-draft.ts';

const carriesTrail = (draft: Draft | null | undefined): draft is Draft => !!draft?.encounterId && draft.queuedAt === undefined && isSettledAnonymousReport(draft.answers);

/**
 * A draft for a page of the form, read once as useDraft reads it. An encounter's person who has become
 * an anonymous report first loses what the encounter wrote into it (place, time, officers), so no page
 * shows it and nothing sends it; until then there is nothing to show (undefined).
 */
export function useFormDraft(id: string): Draft | null | undefined {
  const { db, clock } = useServices();
  const key = useKey();
  const found = useDraft(id);
  const [forgotten, setForgotten] = useState<{ from: Draft; draft: Draft } | undefined>(undefined);
  useEffect(() => {
    if (!carriesTrail(found)) return;
    let current = true;
    void forgetEncounterTrail(db, key, found, clock.now()).then((draft) => {
      if (current) setForgotten({ from: found, draft });
    });
    return () => {
      current = false;
    };
  }, [db, key, clock, found]);
  if (!carriesTrail(found)) return found;
  return forgotten?.from === found ? forgotten.draft : undefined;
}
