import { useEffect, useState } from 'preact/hooks';
import type { Advice } from '../../shared/quality/check.ts';
import { encounterCompanions, type Draft } from '../../store/drafts.ts';
import { Link } from '../shell/Link.tsx';
import { paths } from '../shell/routes.ts';
import { useKey, useServices } from '../shell/services.ts';
import { checkContent } from './check-content.ts';

const text = checkContent.check.advice;

/**
 * The referral-quality advice on check your answers: loaded when this screen opens (not in the first
 * load), run on the device, offline. Each point links to its page; a change there comes back here.
 */
export function QualityAdvice({ draft }: { draft: Draft }) {
  const { db } = useServices();
  const key = useKey();
  const [advice, setAdvice] = useState<readonly Advice[]>([]);
  useEffect(() => {
    let current = true;
    void (async () => {
      const [{ checkQuality }, others] = await Promise.all([import('../../shared/quality/check.ts'), draft.encounterId ? encounterCompanions(db, key, draft.encounterId, draft.id) : []]);
      const found = checkQuality(draft.answers, others.map((other) => ({ caseLabel: other.caseLabel, answers: other.answers })));
      if (current) setAdvice(found);
    })();
    return () => {
      current = false;
    };
  }, [db, key, draft]);
  if (advice.length === 0) return null;
  return (
    <div class="govuk-inset-text" data-testid="quality-advice">
      <h2 class="govuk-heading-m">{text.heading}</h2>
      <p class="govuk-body">{text.lead}</p>
      <ul class="govuk-list">
        {advice.map((item) => (
          <li key={`${item.rule}-${item.page}-${item.what}`} data-rule={item.rule} class="govuk-!-margin-bottom-4">
            <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{item.what}</p>
            <p class="govuk-body govuk-!-margin-bottom-1">{item.why}</p>
            <Link href={paths.step(draft.id, item.page, true)}>{text.fix}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
