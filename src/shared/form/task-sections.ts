import type { SectionId } from './model.ts';

export interface TaskSection {
  id: string;
  /** The task list's name for it, also the caption over its questions. */
  title: string;
  /** The form's sections it gathers, in the journey's order. */
  sections: readonly SectionId[];
}

/**
 * The tasks of the task list: the form's sections gathered into as many as a responder can hold in
 * mind, in the order the journey asks them (the order "Section 3 of 9" counts). A task none of whose
 * pages the referral's path visits is not shown (a Duty to Notify report has no evidence).
 */
export const taskSections: readonly TaskSection[] = [
  { id: 'start', title: 'About this report', sections: ['setup', 'age'] },
  { id: 'consent', title: 'Consent', sections: ['consent'] },
  { id: 'account', title: 'Their account', sections: ['background', 'exploitation'] },
  { id: 'assessment', title: 'Your assessment', sections: ['assessment'] },
  { id: 'where', title: 'Where it happened and who did it', sections: ['where', 'exploiters'] },
  { id: 'risk', title: 'Risk and police', sections: ['risk', 'police'] },
  { id: 'about', title: 'About them', sections: ['dtn', 'support', 'person', 'decision'] },
  { id: 'responder', title: 'Your details', sections: ['responder'] },
  { id: 'evidence', title: 'Evidence', sections: ['evidence'] },
];

const taskOf = new Map(taskSections.flatMap((task) => task.sections.map((section) => [section, task] as const)));

/** The task a form section belongs to (every section belongs to one: tests/unit/form-progress.test.ts). */
export function taskSectionOf(section: SectionId): TaskSection | undefined {
  return taskOf.get(section);
}
