import { isAnonymousReport } from '../../shared/anonymous-report.ts';
import type { Answers, PageDef } from '../../shared/form/model.ts';
import { sectionsContent } from './sections-content.ts';

const text = sectionsContent.anonymous;

/**
 * On a page that asks for words of the responder's own, while the report is an anonymous Duty to
 * Notify: a reminder, before anything is typed, that nothing in it may say who the person is.
 */
export function AnonymousWriting({ page, answers }: { page: PageDef; answers: Answers }) {
  const writes = page.fields.some((def) => def.kind === 'text' || def.kind === 'textarea');
  if (!writes || !isAnonymousReport(answers)) return null;
  return (
    <div class="govuk-inset-text" data-testid="anonymous-writing">
      <strong>{text.label}:</strong> {text.reminder}
    </div>
  );
}
