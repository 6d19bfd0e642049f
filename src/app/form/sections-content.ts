/** The task list's words, the caption over each question and the reminder on an anonymous report: loaded with the form, not the first load. */
export const sectionsContent = {
  allSections: 'All sections',
  heading: 'All sections',
  /** Where a page stands: its task, then "Section 3 of 9, question 4 of 9". */
  caption: (title: string, section: number, sections: number, question: number, questions: number) =>
    `${title} · Section ${section} of ${sections}, question ${question} of ${questions}`,
  completedCount: (done: number, of: number) => `You have completed ${done} of ${of} sections.`,
  anyOrder: 'Answer the sections in any order, as the person tells you. Age and consent come first: they decide which questions are asked.',
  status: {
    completed: 'Completed',
    'in-progress': 'In progress',
    'not-started': 'Not yet started',
    'cannot-start': 'Cannot start yet',
    optional: 'Optional',
  },
  /** What is left of a task, under its name. */
  left: {
    answered: (n: number, of: number) => `${n} of ${of} answered`,
    questions: (n: number) => (n === 1 ? '1 question' : `${n} questions`),
    waitsForPath: 'Answer the age and consent questions first',
  },
  continue: 'Continue where you left off',
  check: 'Check your answers',
  anonymous: {
    label: 'Anonymous report',
    // On every free-text page of a Duty to Notify report without co-operation (issue 16).
    reminder: 'This Duty to Notify report is anonymous. Do not write the person’s name, address, phone number or date of birth, or anything else that could identify them.',
  },
} as const;
