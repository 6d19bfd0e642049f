import { single, type Answers } from './form/model.ts';

/**
 * A Duty to Notify report without co-operation: the adult did not agree to be referred, so nothing in
 * it may point at them. Decided as src/shared/form/journey.ts decides the path, without loading every page.
 */
export function isAnonymousReport(answers: Answers): boolean {
  return single(answers, 'underAge') === 'no' && single(answers, 'consent') === 'no' && single(answers, 'cooperation') !== 'yes';
}

/**
 * Anonymous for certain: the adult also said they will not co-operate with the police. Until that is
 * answered (it comes after consent), a draft may still become a named report, so nothing is forgotten yet.
 */
export function isSettledAnonymousReport(answers: Answers): boolean {
  return isAnonymousReport(answers) && single(answers, 'cooperation') === 'no';
}
