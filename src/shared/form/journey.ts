import { FIRST_PAGE } from '../case-label.ts';
import { CHECK, single, type Answers, type PageDef, type ReferralPath } from './model.ts';
import { filled, pageErrors, visibleFields } from './page-schema.ts';
import { accountPages } from './pages-account.ts';
import { personPages } from './pages-person.ts';

/**
 * The journey is pure: from the answers alone it decides which pages a referral visits, where each
 * leads, and where a resumed draft opens. The field app, the schemas and the server all walk it.
 */
export const pages: readonly PageDef[] = [...accountPages, ...personPages];
const byId = new Map(pages.map((page) => [page.id, page]));

export function pageById(id: string): PageDef | undefined {
  return byId.get(id);
}

/** Who the referral is for, once the answers say so. */
export function pathOf(answers: Answers): ReferralPath | undefined {
  const underAge = single(answers, 'underAge');
  if (underAge === 'yes' || underAge === 'not-sure') return 'child';
  if (underAge !== 'no') return undefined;
  const consent = single(answers, 'consent');
  return consent === 'yes' ? 'adult-nrm' : consent === 'no' ? 'dtn' : undefined;
}

export interface Walk {
  /** Pages passed, every one answered well, in order. */
  done: readonly PageDef[];
  /** Where the walk stopped: the first page still to answer, or check your answers. */
  at: PageDef | typeof CHECK;
}

export interface WalkOptions {
  /** The server never sees device-only answers (the case label): treat those pages as answered. */
  skipDeviceOnly?: boolean;
}

export function walk(answers: Answers, options: WalkOptions = {}): Walk {
  const done: PageDef[] = [];
  let page = byId.get(FIRST_PAGE);
  // Each page can be passed once; the bound only guards against a cycle in the tables.
  for (let steps = 0; page && steps <= pages.length; steps += 1) {
    const answered = (options.skipDeviceOnly && page.deviceOnly) || Object.keys(pageErrors(page, answers)).length === 0;
    if (!answered) return { done, at: page };
    done.push(page);
    const next = page.next(answers);
    if (next === CHECK) return { done, at: CHECK };
    page = byId.get(next);
  }
  throw new Error('The form tables lead nowhere: check the next() of the last page passed');
}

/** The pages a responder may open now: those answered on the way, and the next one to answer. */
export function canVisit(pageId: string, answers: Answers): boolean {
  const { done, at } = walk(answers);
  return done.some((page) => page.id === pageId) || (at !== CHECK && at.id === pageId);
}

/** Where Continue leads from a page: its next page, or check your answers. */
export function nextPlace(pageId: string, answers: Answers): string {
  const page = byId.get(pageId);
  return page ? page.next(answers) : FIRST_PAGE;
}

/** Where the back link of a page leads: the page before it on this referral's way; undefined is the start. */
export function previousPage(pageId: string, answers: Answers): string | undefined {
  const { done } = walk(answers);
  const index = done.findIndex((page) => page.id === pageId);
  if (index > 0) return done[index - 1]?.id;
  if (index === 0) return undefined;
  return done[done.length - 1]?.id;
}

/** Where a resumed draft, or a Continue after a change, opens: the first page still to answer, or check. */
export function resumePlace(answers: Answers): string {
  const { at } = walk(answers);
  return at === CHECK ? CHECK : at.id;
}

/** "Page n": counted along this referral's own way, so a fork not taken does not count. */
export function pageNumber(pageId: string, answers: Answers): number {
  const { done, at } = walk(answers);
  const way = at === CHECK ? done : [...done, at];
  const index = way.findIndex((page) => page.id === pageId);
  return index >= 0 ? index + 1 : way.length;
}

const afterConsent = new Set(personPages.flatMap((page) => page.fields.map((def) => def.name)));

/**
 * Answers to forget when a page's new answers change the path: changing age (child ↔ adult) or
 * consent means the questions after consent are asked again, and a Duty to Notify report must not
 * keep details the new path may not hold.
 */
export function answersToForget(before: Answers, after: Answers): string[] {
  const wasAdult = single(before, 'underAge') === 'no';
  const isAdult = single(after, 'underAge') === 'no';
  const ageChanged = single(before, 'underAge') !== undefined && wasAdult !== isAdult;
  const consentChanged = single(before, 'consent') !== undefined && single(before, 'consent') !== single(after, 'consent');
  if (!ageChanged && !consentChanged) return [];
  return [...afterConsent].filter((name) => (ageChanged || name !== 'consent') && before[name] !== undefined);
}

/**
 * The answers that travel: those asked on the pages this referral visits, shown, and not blank.
 * The page the walk stops at is included, so that what is wrong there is reported as it is.
 */
export function sentAnswers(answers: Answers): Record<string, string | string[]> {
  const sent: Record<string, string | string[]> = {};
  const { done, at } = walk(answers, { skipDeviceOnly: true });
  for (const page of at === CHECK ? done : [...done, at]) {
    if (page.deviceOnly) continue;
    for (const def of visibleFields(page, answers)) {
      const value = filled(answers[def.name]);
      if (value !== undefined) sent[def.name] = typeof value === 'string' ? value.trim() : value.map((entry) => entry.trim()).filter(Boolean);
    }
  }
  return sent;
}
