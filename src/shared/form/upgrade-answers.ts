import type { Answers } from './model.ts';

const underAgeFor: Record<string, string> = { child: 'yes', adult: 'no', 'not-sure': 'not-sure' };

/**
 * Drafts begun on app version 2 held an age group and one account. They open in the full form with
 * nothing lost: the age becomes the under-18 answer, the account the "how it started" answer.
 */
export function upgradeAnswers(answers: Answers): Answers {
  const { ageGroup, account, ...rest } = answers;
  if (ageGroup === undefined && account === undefined) return answers;
  const upgraded: Record<string, Answers[string]> = { ...rest };
  if (typeof ageGroup === 'string' && underAgeFor[ageGroup] && rest.underAge === undefined) upgraded.underAge = underAgeFor[ageGroup];
  if (typeof account === 'string' && rest.howStarted === undefined) upgraded.howStarted = account;
  return upgraded;
}
