import { isAnonymousReport } from '../../shared/anonymous-report.ts';
import { walk } from '../../shared/form/journey.ts';
import type { Answers } from '../../shared/form/model.ts';
import { SummaryList } from '../../govuk/SummaryList.tsx';
import { answerRow } from './answer-row.tsx';
import { anonymousContent as text } from './anonymous-content.ts';

/**
 * Before an anonymous Duty to Notify report is sealed: every answer the responder wrote in their own
 * words, together, with a reminder that none of it may say who the person is. Read once more here,
 * a name typed in passing is caught while it can still be taken out. `answers`: the draft's answers
 * with its case label, as the journey walks them.
 */
export function AnonymousReminder({ draftId, answers }: { draftId: string; answers: Answers }) {
  if (!isAnonymousReport(answers)) return null;
  // The case label (a device-only page) never travels, so it is not among what the report says.
  const written = walk(answers).done.flatMap((page) =>
    (page.deviceOnly ? [] : page.fields)
      .filter((def) => (def.kind === 'text' || def.kind === 'textarea') && typeof answers[def.name] === 'string' && answers[def.name] !== '')
      .map((def) => ({ pageId: page.id, name: def.name, label: def.label, value: String(answers[def.name]) })),
  );
  return (
    <section aria-labelledby="anonymous-heading" data-testid="anonymous-reminder">
      <h2 class="govuk-heading-m" id="anonymous-heading">
        {text.heading}
      </h2>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{text.warning} </span>
          {text.reminder}
        </strong>
      </div>
      {written.length === 0 ? (
        <p class="govuk-body">{text.nothingWritten}</p>
      ) : (
        <SummaryList rows={written.map((row) => answerRow(draftId, row, row.value, text.change))} />
      )}
    </section>
  );
}
