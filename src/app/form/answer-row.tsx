import type { ComponentChildren } from 'preact';
import type { SummaryListRow } from '../../govuk/SummaryList.tsx';
import { Link } from '../shell/Link.tsx';
import { paths } from '../shell/routes.ts';

/** Where an answer comes from: the page that asks it, its field and the question's label. */
export interface AnsweredField {
  pageId: string;
  name: string;
  label: string;
}

/** One answer as a summary-list row, with a Change link back to its page (returning to where it came from). */
export function answerRow(draftId: string, field: AnsweredField, value: ComponentChildren, change: string): SummaryListRow {
  return {
    id: field.name,
    key: field.label,
    value,
    valueClass: 'app-pre-wrap',
    actions: (
      <Link href={paths.step(draftId, field.pageId, true)}>
        {change}
        <span class="govuk-visually-hidden"> {field.label.toLowerCase()}</span>
      </Link>
    ),
  };
}
