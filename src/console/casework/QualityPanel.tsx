import type { Answers } from '../../shared/form/model.ts';
import { checkQuality } from '../../shared/quality/check.ts';
import { caseContent } from './content.ts';

const text = caseContent.quality;

/** The same referral-quality advice the field app gave before sending, beside the case. */
export function QualityPanel({ answers }: { answers: Answers }) {
  const advice = checkQuality(answers);
  return (
    <section aria-labelledby="quality-heading" class="govuk-!-margin-bottom-6" data-testid="case-quality">
      <h2 class="govuk-heading-s" id="quality-heading">
        {text.heading}
      </h2>
      {advice.length === 0 ? (
        <p class="govuk-body-s">{text.none}</p>
      ) : (
        <>
          <p class="govuk-body-s">{text.lead}</p>
          <ul class="govuk-list govuk-list--bullet govuk-body-s">
            {advice.map((item) => (
              <li key={`${item.rule}-${item.what}`} data-rule={item.rule}>
                <strong>{item.what}</strong> {item.why}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
