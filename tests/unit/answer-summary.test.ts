import { describe, expect, it } from 'vitest';
import { answerSections, type AnswerSection } from '../../src/shared/form/answer-summary.ts';
import { walk } from '../../src/shared/form/journey.ts';
import type { Answers } from '../../src/shared/form/model.ts';
import { sectionTitles } from '../../src/shared/form/sections.ts';
import { examples } from '../support/referral-examples.ts';

const rowsOf = (sections: readonly AnswerSection[]) => Object.fromEntries(sections.flatMap((section) => section.rows.map((row) => [row.name, row])));
const valueOf = (sections: readonly AnswerSection[], name: string) => rowsOf(sections)[name]?.value;
/** The sections the journey passes through, in its order, each once. */
const sectionsWalked = (answers: Answers) => [...new Set(walk(answers).done.filter((page) => !page.deviceOnly).map((page) => page.section))];

describe('answerSections: a referral read back as check your answers shows it', () => {
  it('child: sections in the journey’s order with the shared titles, no consent questions, no support or decision', () => {
    const sections = answerSections(examples.child);
    expect(sections.map((section) => section.section)).toEqual([
      'setup', 'age', 'consent', 'background', 'exploitation', 'assessment', 'where', 'exploiters', 'risk', 'police', 'person', 'responder', 'evidence',
    ]);
    expect(sections.map((section) => section.section)).toEqual(sectionsWalked(examples.child));
    for (const section of sections) expect(section.title).toBe(sectionTitles[section.section]);
    expect(sections[0]?.title).toBe('About this report');
    // The child page explains, and asks nothing: its section has no answers.
    expect(sections.find((section) => section.section === 'consent')?.rows).toEqual([]);
    const rows = rowsOf(sections);
    expect(rows).not.toHaveProperty('consent');
    expect(rows).not.toHaveProperty('needsSupport');
    expect(rows).not.toHaveProperty('decisionRecipient');
  });

  it('adult who agrees: consent, support and decision sections in order, with the shared titles', () => {
    const sections = answerSections(examples['adult-nrm']);
    expect(sections.map((section) => section.section)).toEqual([
      'setup', 'age', 'consent', 'background', 'exploitation', 'assessment', 'where', 'exploiters', 'risk', 'police', 'support', 'person', 'decision', 'responder', 'evidence',
    ]);
    expect(sections.map((section) => section.title)).toEqual(sections.map((section) => sectionTitles[section.section]));
    expect(rowsOf(sections)).not.toHaveProperty('councilName');
  });

  it('shows option labels, not codes; several ticks one a line; places as entered', () => {
    const child = answerSections(examples.child);
    expect(valueOf(child, 'responderNation')).toBe('England');
    expect(valueOf(child, 'underAge')).toBe('Yes');
    expect(valueOf(child, 'lastContact')).toBe('In the last week');
    expect(valueOf(child, 'whereExploited')).toBe('In the UK');
    expect(valueOf(child, 'exploitationTypes')).toBe('Work for no or almost no pay\nHand over their wages');
    expect(valueOf(child, 'ukTowns')).toBe('Leeds\nBradford');
    const adult = answerSections(examples['adult-nrm']);
    expect(valueOf(adult, 'contactBy')).toBe('By email');
    expect(valueOf(adult, 'privacyNoticeShown')).toBe('Yes');
    expect(valueOf(adult, 'contactEmailSafe')).toBe('Yes');
  });

  it('shows dates in words', () => {
    const adult = answerSections(examples['adult-nrm']);
    expect(valueOf(adult, 'consentDate')).toBe('28 November 2026');
    expect(valueOf(adult, 'dateOfBirth')).toBe('31 March 1999');
    expect(valueOf(answerSections({ ...examples.child, dateOfBirth: '2010-1-5' }), 'dateOfBirth')).toBe('5 January 2010');
  });

  it('leaves out questions not shown, even when an old answer to them is still held', () => {
    for (const answers of [examples.child, examples['adult-nrm']]) {
      const sections = answerSections({ ...answers, credibilityConcerns: 'no', credibilityDetails: 'Left over from an earlier answer', reportedBefore: 'no', reportedBeforeDetails: 'Also left over' });
      const rows = rowsOf(sections);
      expect(rows).toHaveProperty('credibilityConcerns');
      expect(rows).not.toHaveProperty('credibilityDetails');
      expect(rows).not.toHaveProperty('reportedBeforeDetails');
      expect(JSON.stringify(sections).toLowerCase()).not.toContain('left over');
    }
    const shown = rowsOf(answerSections({ ...examples.child, credibilityConcerns: 'yes', credibilityDetails: 'Story changed between interviews.' }));
    expect(shown.credibilityDetails?.value).toBe('Story changed between interviews.');
  });

  it('lists optional questions left blank with no value, and their label without “(optional)”', () => {
    const row = rowsOf(answerSections(examples.child)).cooperationDetails;
    expect(row).toEqual({ name: 'cooperationDetails', label: 'Anything the police should know', value: undefined, pageId: expect.any(String) });
  });

  it('counts evidence files rather than listing their ids, and says "None" when there are none', () => {
    expect(valueOf(answerSections(examples.child), 'evidenceFiles')).toBe('None');
    const ids = ['0f8fad5b-d9cb-469f-a165-70867728950e', '7c9e6679-7425-40de-944b-e07fc1f90ae7'];
    expect(valueOf(answerSections({ ...examples.child, evidenceFiles: ids }), 'evidenceFiles')).toBe('2 files');
    expect(valueOf(answerSections({ ...examples.child, evidenceFiles: ids.slice(0, 1) }), 'evidenceFiles')).toBe('1 file');
  });

  it('skips the device-only case label page unless the device passes the case label', () => {
    const { caseLabel: _label, ...sent } = examples.child;
    expect(rowsOf(answerSections(sent))).not.toHaveProperty('caseLabel');
    expect(answerSections(sent)).toEqual(answerSections(examples.child));
    const onDevice = answerSections(sent, { caseLabel: { value: 'OP-HARBOUR 7', label: 'Your own reference' } });
    expect(onDevice[0]?.rows[0]).toEqual({ name: 'caseLabel', label: 'Your own reference', value: 'OP-HARBOUR 7', pageId: 'case-label' });
    expect(onDevice.slice(1)).toEqual(answerSections(sent).slice(1));
  });
});
