import { pathOf, way } from './journey.ts';
import type { Answers, PageDef } from './model.ts';
import { filled, pageErrors, visibleFields } from './page-schema.ts';
import { taskSectionOf, taskSections, type TaskSection } from './task-sections.ts';

/**
 * Not started: nothing answered yet. Cannot start: its pages depend on the path, which age and
 * consent have not settled. Optional: nothing in it is required and nothing is given (evidence).
 */
export type TaskStatus = 'completed' | 'in-progress' | 'not-started' | 'cannot-start' | 'optional';

export interface TaskProgress extends TaskSection {
  status: TaskStatus;
  /** Its pages on this referral's way, in order. */
  pages: readonly PageDef[];
  /** Pages answered well (an optional page left empty counts once a later one is answered, or the task is complete). */
  answered: number;
  /** Where its link leads: the first page still to answer, or its first page once complete. */
  start: PageDef | undefined;
}

const given = (page: PageDef, answers: Answers) => page.fields.some((def) => filled(answers[def.name]) !== undefined);
const complete = (page: PageDef, answers: Answers) => Object.keys(pageErrors(page, answers)).length === 0;

/** Every task of the task list this referral has, with how far it has got (answers with the case label). */
export function taskProgress(answers: Answers): TaskProgress[] {
  const passed = way(answers);
  return taskSections.flatMap((task): TaskProgress[] => {
    const pages = passed.filter((page) => taskSectionOf(page.section) === task);
    // With no page yet, the task waits for the path; once the path is known, it is not this path's.
    if (pages.length === 0) return pathOf(answers) ? [] : [{ ...task, status: 'cannot-start', pages, answered: 0, start: undefined }];
    const lastGiven = pages.reduce((last, page, index) => (given(page, answers) ? index : last), -1);
    const open = pages.filter((page) => !complete(page, answers));
    // A page of optional questions left empty counts once the responder has gone past it.
    const answered = pages.filter((page, index) => complete(page, answers) && (index < lastGiven || given(page, answers))).length;
    const required = pages.some((page) => visibleFields(page, answers).some((def) => def.required));
    const status: TaskStatus = lastGiven < 0 ? (required ? 'not-started' : 'optional') : open.length === 0 ? 'completed' : 'in-progress';
    return [{ ...task, status, pages, answered: open.length === 0 && lastGiven >= 0 ? pages.length : answered, start: open[0] ?? pages[0] }];
  });
}

/** "Section 3 of 9, question 4 of 9": where a page stands among this referral's tasks and within its own. */
export function positionOf(pageId: string, answers: Answers): { section: number; sections: number; question: number; questions: number; title: string } | undefined {
  const tasks = taskProgress(answers);
  const index = tasks.findIndex((task) => task.pages.some((page) => page.id === pageId));
  const task = tasks[index];
  if (!task) return undefined;
  return { section: index + 1, sections: tasks.length, question: task.pages.findIndex((page) => page.id === pageId) + 1, questions: task.pages.length, title: task.title };
}
