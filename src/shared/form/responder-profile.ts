import { nextPlace, pageById } from './journey.ts';
import { single, type Answers, type FieldDef, type PageDef } from './model.ts';
import { pageErrors } from './page-schema.ts';

/**
 * The responder's own details, asked of every referral: the same pages of the form's tables, so the
 * profile kept on the device is answered, checked and read back exactly as the form asks it.
 */
export const PROFILE_PAGE_IDS = ['organisation', 'responder-nation', 'responder', 'alternative-contact'] as const;

export const profilePages: readonly PageDef[] = PROFILE_PAGE_IDS.map((id) => {
  const page = pageById(id);
  if (!page) throw new Error(`The form has no ${id} page for the responder profile`);
  return page;
});

export const profileFields: readonly FieldDef[] = profilePages.flatMap((page) => page.fields);
const profileNames = new Set(profileFields.map((def) => def.name));

/** The profile as stored: the answers of the profile pages, by the form's own names. */
export type ResponderProfile = Readonly<Record<string, string>>;

/** The page the profile is edited on (Settings): every profile question on one page, checked by the form's rules. */
export const profileEditPage: PageDef = { id: 'responder-profile', section: 'responder', title: 'Your details', on: ['child', 'adult-nrm'], fields: [...profileFields], next: () => 'check' };

/** What is wrong with a profile, by answer name (the list checks, such as the organisation, are the caller's). */
export function profileErrors(profile: Answers): Record<string, string> {
  return pageErrors(profileEditPage, profile);
}

export function isProfileComplete(profile: ResponderProfile | undefined): profile is ResponderProfile {
  return profile !== undefined && Object.keys(profileErrors(profile)).length === 0;
}

/** The profile's answers taken from a draft's, trimmed: what "save your details" keeps. */
export function profileFrom(answers: Answers): ResponderProfile {
  const kept: Record<string, string> = {};
  for (const name of profileNames) {
    const value = single(answers, name)?.trim();
    if (value) kept[name] = value;
  }
  return kept;
}

/**
 * The walk shows the profile pages as one "Your details" summary (to confirm, or change a row) once
 * the responder keeps a complete profile and this draft answers every profile page well.
 */
export function showsYourDetails(answers: Answers, profile: ResponderProfile | undefined): boolean {
  return isProfileComplete(profile) && profilePages.every((page) => Object.keys(pageErrors(page, answers)).length === 0);
}

export const isProfilePage = (pageId: string): boolean => (PROFILE_PAGE_IDS as readonly string[]).includes(pageId);

/** Where the walk goes on from a run of profile pages: the first page after them that is not one. */
export function pastProfilePages(pageId: string, answers: Answers): string {
  let next = nextPlace(pageId, answers);
  for (let steps = 0; isProfilePage(next) && steps < PROFILE_PAGE_IDS.length; steps += 1) next = nextPlace(next, answers);
  return next;
}

/** "YYYY-M-D", as the form keeps dates, of the device's own day. */
export function dateValue(now: Date): string {
  return `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
}

/** The responder as "who explained consent" names them: usually they did it themselves; they change it if not. */
function explainedBy(profile: ResponderProfile | undefined): string | undefined {
  const name = [profile?.responderFirstName, profile?.responderLastName].filter(Boolean).join(' ');
  if (!name) return undefined;
  return profile?.responderRole ? `${name}, ${profile.responderRole}` : name;
}

/**
 * What a draft starts with that nobody need type: the responder's saved details, the consent date
 * (today), who explained consent (the responder), and the language of an interpreter already recorded
 * for the person. Only answers the draft does not hold yet: a blank left on purpose ("") stays blank.
 * Empty when there is nothing to add.
 */
export function prefillAnswers(answers: Answers, profile: ResponderProfile | undefined, now: Date): Answers {
  const added: Record<string, string> = {};
  for (const [name, value] of Object.entries(profile ?? {})) if (profileNames.has(name) && answers[name] === undefined) added[name] = value;
  if (answers.consentDate === undefined) added.consentDate = dateValue(now);
  const explainer = explainedBy(profile);
  if (explainer && answers.consentExplainedBy === undefined) added.consentExplainedBy = explainer;
  const language = single(answers, 'interpreter') === 'yes' ? single(answers, 'interpreterLanguage')?.trim() : undefined;
  if (language && answers.consentInterpreterLanguage === undefined) added.consentInterpreterLanguage = language;
  return added;
}
