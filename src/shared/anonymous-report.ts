import { single, type Answers } from './form/model.ts';

/**
 * A Duty to Notify report without co-operation: the adult did not agree to be referred, so nothing in
 * it may point at them. Decided as src/shared/form/journey.ts decides the path, without loading every page.
 */
export function isAnonymousReport(answers: Answers): boolean {
  return single(answers, 'underAge') === 'no' && single(answers, 'consent') === 'no' && single(answers, 'cooperation') !== 'yes';
}
