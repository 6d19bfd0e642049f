import { describe, expect, it } from 'vitest';
import { pages } from '../../src/shared/form/journey.ts';
import type { Answers } from '../../src/shared/form/model.ts';
import { positionOf, taskProgress } from '../../src/shared/form/progress.ts';
import { taskSectionOf } from '../../src/shared/form/task-sections.ts';
import { examples } from '../support/referral-examples.ts';

const withLabel = (answers: Answers): Answers => ({ caseLabel: 'OP-1', ...answers });
const statuses = (answers: Answers) => Object.fromEntries(taskProgress(withLabel(answers)).map((task) => [task.id, task.status]));

describe('the task list: progress by section', () => {
  it('gathers every page of the form into one task', () => {
    expect(pages.filter((page) => !taskSectionOf(page.section)).map((page) => page.id)).toEqual([]);
  });

  it('a new draft: the path’s tasks cannot start until age and consent are answered; the account can', () => {
    expect(taskProgress({})).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'account', status: 'not-started', answered: 0 }),
        expect.objectContaining({ id: 'about', status: 'cannot-start', pages: [] }),
        expect.objectContaining({ id: 'responder', status: 'cannot-start' }),
        expect.objectContaining({ id: 'evidence', status: 'cannot-start' }),
      ]),
    );
    expect(taskProgress({}).map((task) => task.id)).toEqual(['start', 'consent', 'account', 'assessment', 'where', 'risk', 'about', 'responder', 'evidence']);
  });

  it('counts what is answered and leads to the first question still to answer', () => {
    const { birthplace, multipleSituations, exploitationDates, howStarted } = examples['adult-nrm'];
    const [account] = taskProgress(withLabel({ underAge: 'no', consent: 'yes', birthplace, multipleSituations, exploitationDates, howStarted })).filter((task) => task.id === 'account');
    // The background page is half answered; the page of when and how it started is answered; nothing after them counts yet.
    expect(account).toMatchObject({ status: 'in-progress', answered: 1 });
    expect(account?.pages.length).toBe(6);
    expect(account?.start?.id).toBe('background');
  });

  it('every path, complete: each of its tasks completed, and only its own tasks', () => {
    expect(statuses(examples['adult-nrm'])).toEqual({
      start: 'completed', consent: 'completed', account: 'completed', assessment: 'completed', where: 'completed', risk: 'completed', about: 'completed', responder: 'completed', evidence: 'optional',
    });
    expect(Object.keys(statuses(examples.dtn))).toEqual(['start', 'consent', 'account', 'assessment', 'where', 'risk', 'about']);
    expect(Object.values(statuses(examples.dtn)).every((status) => status === 'completed')).toBe(true);
    expect(Object.keys(statuses(examples.child))).toHaveLength(9);
  });

  it('captions a page by its task and its place in it', () => {
    const adult = withLabel(examples['adult-nrm']);
    expect(positionOf('background', adult)).toEqual({ section: 3, sections: 9, question: 1, questions: 6, title: 'Their account' });
    expect(positionOf('consent', adult)).toMatchObject({ section: 2, question: 1, questions: 2 });
    expect(positionOf('dtn-gender', withLabel(examples.dtn))).toEqual({ section: 7, sections: 7, question: 1, questions: 1, title: 'About them' });
    expect(positionOf('name', adult)).toMatchObject({ section: 7, question: 3 });
  });
});
