import type { ComponentChildren } from 'preact';
import type { AnswerRow, AnswerSection } from '../shared/form/answer-summary.ts';
import { SummaryList } from './SummaryList.tsx';

export interface AnswerSectionsProps {
  /** From answerSections (src/shared/form/answer-summary.ts). */
  sections: readonly AnswerSection[];
  /** Shown, as a hint, for a question asked but not answered. */
  notAnswered: string;
  /** A row's change link or other actions, if any. */
  actions?: (row: AnswerRow) => ComponentChildren;
  /** More classes on each value's `dd` (text wrapping), with no leading space. */
  valueClass?: string;
  /** More classes on each section's list (spacing), with no leading space. */
  listClass?: string;
}

/** A referral's answers, section by section: a heading, then a summary list of its questions and answers. */
export function AnswerSections({ sections, notAnswered, actions, valueClass, listClass = 'govuk-!-margin-bottom-9' }: AnswerSectionsProps) {
  return (
    <>
      {sections.map(({ section, title, rows }) => (
        <div key={section}>
          <h2 class="govuk-heading-m">{title}</h2>
          <SummaryList
            class={listClass}
            rows={rows.map((row) => ({
              id: row.name,
              key: row.label,
              value: row.value || <span class="govuk-hint">{notAnswered}</span>,
              valueClass,
              actions: actions?.(row),
            }))}
          />
        </div>
      ))}
    </>
  );
}
