// @vitest-environment happy-dom
// The task list and check your answers as summary cards (issue 16): where a draft stands by section,
// and complete sections folded to one line.
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerCards } from '../../src/app/form/AnswerCards.tsx';
import { TaskListPage } from '../../src/app/form/TaskListPage.tsx';
import { answerSections } from '../../src/shared/form/answer-summary.ts';
import type { Answers } from '../../src/shared/form/model.ts';
import type { Draft } from '../../src/store/drafts.ts';
import { examples } from '../support/referral-examples.ts';

afterEach(cleanup);

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const draftOf = (answers: Answers): Draft => ({ id: ID, caseLabel: 'OP-7', answers, createdAt: '2026-12-05T10:00:00Z', updatedAt: '2026-12-05T10:00:00Z' });
const itemText = (container: Element, task: string) => container.querySelector(`[data-task="${task}"]`)?.textContent ?? '';

describe('the task list', () => {
  it('a new draft: the account can start, the path’s own sections wait for age and consent, and each section links to its first question left', () => {
    const { container } = render(<TaskListPage draft={draftOf({ organisation: 'Leeds City Council', responderNation: 'england' })} />);
    expect(container.querySelector('ul.govuk-task-list')).not.toBeNull();
    expect(itemText(container, 'start')).toMatch(/About this report.*3 of 4 answered.*In progress/);
    expect(itemText(container, 'account')).toMatch(/Their account.*questions.*Not yet started/);
    expect(itemText(container, 'about')).toMatch(/About them.*Answer the age and consent questions first.*Cannot start yet/);
    expect(container.querySelector('[data-task="about"] a')).toBeNull();
    expect(container.querySelector('[data-task="start"] a')?.getAttribute('href')).toBe(`/referral/${ID}/under-18`);
    expect(container.querySelector('[data-task="account"] a')?.getAttribute('href')).toBe(`/referral/${ID}/background`);
    expect(container.textContent).toContain('Continue where you left off');
  });

  it('a complete Duty to Notify report: its seven sections completed, and the way on is check your answers', () => {
    const { container } = render(<TaskListPage draft={draftOf(examples.dtn)} />);
    expect(container.querySelectorAll('.govuk-task-list__item')).toHaveLength(7);
    expect(container.textContent).toContain('You have completed 7 of 7 sections.');
    expect([...container.querySelectorAll('a')].some((link) => link.getAttribute('href') === `/referral/${ID}/check` && link.textContent === 'Check your answers')).toBe(true);
  });
});

describe('check your answers as summary cards', () => {
  const sections = answerSections(examples['adult-nrm'], { caseLabel: { value: 'OP-7', label: 'Your own reference' } });

  it('folds every complete section to its title and how many answers it holds; Show opens it with a Change link for each answer', () => {
    const { container, getByRole } = render(<AnswerCards draftId={ID} sections={sections} openPages={[]} />);
    const cards = [...container.querySelectorAll('.govuk-summary-card')];
    expect(cards).toHaveLength(9);
    expect(cards.every((card) => card.querySelector('.govuk-summary-card__content')?.hasAttribute('hidden'))).toBe(true);
    expect(container.querySelector('[data-card="evidence"] .govuk-summary-card__title')?.textContent).toBe('Evidence — 1 answer');
    const show = getByRole('button', { name: 'Show evidence' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    const evidence = container.querySelector('[data-card="evidence"] .govuk-summary-card__content');
    expect(evidence?.hasAttribute('hidden')).toBe(false);
    expect(evidence?.textContent).toContain('None');
    expect(evidence?.querySelector('a')?.getAttribute('href')).toBe(`/referral/${ID}/evidence?change=1`);
  });

  it('opens a section whose answer the server refused', () => {
    const { container } = render(<AnswerCards draftId={ID} sections={sections} openPages={['interview']} />);
    expect(container.querySelector('[data-card="assessment"] .govuk-summary-card__content')?.hasAttribute('hidden')).toBe(false);
    expect(container.querySelector('[data-card="account"] .govuk-summary-card__content')?.hasAttribute('hidden')).toBe(true);
  });
});
