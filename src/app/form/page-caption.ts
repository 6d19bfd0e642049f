import type { Answers, PageDef } from '../../shared/form/model.ts';
import { positionOf } from '../../shared/form/progress.ts';
import { sectionTitles } from '../../shared/form/sections.ts';
import { sectionsContent } from './sections-content.ts';

/** "Their account · Section 3 of 9, question 4 of 11": counted along this referral's own way (answers with the case label). */
export function captionOf(page: PageDef, answers: Answers): string {
  const at = positionOf(page.id, answers);
  return at ? sectionsContent.caption(at.title, at.section, at.sections, at.question, at.questions) : sectionTitles[page.section];
}
