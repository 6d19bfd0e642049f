import { previousPage } from '../../shared/form/journey.ts';
import { answerInWords } from '../../shared/form/answer-summary.ts';
import { pastProfilePages, profilePages } from '../../shared/form/responder-profile.ts';
import { CHECK } from '../../shared/form/model.ts';
import type { Draft } from '../../store/drafts.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { Button } from '../../govuk/Button.tsx';
import { SummaryList } from '../../govuk/SummaryList.tsx';
import { Link } from '../shell/Link.tsx';
import { navigate, paths } from '../shell/routes.ts';
import { formContent } from './content.ts';
import { profileContent } from './profile-content.ts';

const text = profileContent;

/** Where a Change link of "Your details" leads: the page in change mode, back to this summary after. */
export const changeFromDetails = (id: string, pageId: string) => `${paths.step(id, pageId, true)}&from=details`;

/**
 * The responder's own details (saved on this device, filled in) as one GOV.UK summary list: Confirm
 * goes on, and each row has its own Change link. It stands for every profile page of the walk.
 */
export function YourDetailsPage({ draft, pageId }: { draft: Draft; pageId: string }) {
  const answers = { caseLabel: draft.caseLabel, ...draft.answers };
  const previous = previousPage(pageId, answers);
  const rows = profilePages.flatMap((page) =>
    page.fields.map((def) => ({
      key: text.rowKeys[def.name] ?? def.label,
      id: def.name,
      value: answerInWords(def, draft.answers[def.name]) ?? '',
      valueClass: 'app-break-words',
      actions: (
        <Link href={changeFromDetails(draft.id, page.id)}>
          {text.change}
          <span class="govuk-visually-hidden"> {(text.rowKeys[def.name] ?? def.label).toLowerCase()}</span>
        </Link>
      ),
    })),
  );
  const confirm = () => {
    const next = pastProfilePages(pageId, draft.answers);
    navigate(next === CHECK ? paths.check(draft.id) : paths.step(draft.id, next));
  };
  return (
    <>
      <BackLink href={previous ? paths.step(draft.id, previous) : paths.home} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-m">{formContent.sections.responder}</span>
          <h1 class="govuk-heading-l">{text.title}</h1>
          <p class="govuk-body">{text.lead}</p>
          <SummaryList rows={rows} data-testid="your-details" />
          <Button onClick={confirm}>{text.confirm}</Button>
        </div>
      </div>
    </>
  );
}
