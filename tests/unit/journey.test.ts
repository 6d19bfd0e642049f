import { describe, expect, it } from 'vitest';
import { nextPlace, previousStep, resumePlace, stepOrder } from '../../src/app/journey.ts';

describe('journey', () => {
  it('walks the questions in order and ends at check-your-answers', () => {
    expect(stepOrder).toEqual(['case-label', 'age', 'account']);
    expect(nextPlace('case-label')).toEqual({ kind: 'step', step: 'age' });
    expect(nextPlace('account')).toEqual({ kind: 'check' });
    expect(previousStep('case-label')).toBeUndefined();
    expect(previousStep('account')).toBe('age');
  });

  it('resumes a draft at the first question not answered well', () => {
    expect(resumePlace({ caseLabel: '', answers: {} })).toEqual({ kind: 'step', step: 'case-label' });
    expect(resumePlace({ caseLabel: 'A1', answers: { account: 'x' } })).toEqual({ kind: 'step', step: 'age' });
    expect(resumePlace({ caseLabel: 'A1', answers: { ageGroup: 'child', account: ' ' } })).toEqual({ kind: 'step', step: 'account' });
    expect(resumePlace({ caseLabel: 'A1', answers: { ageGroup: 'child', account: 'x' } })).toEqual({ kind: 'check' });
  });
});
