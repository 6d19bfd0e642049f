import { FIRST_PAGE } from '../case-label.ts';
import { CHECK, single, type Answers, type PageAudience, type PageDef, type ReferralPath } from './model.ts';
import { filled, pageErrors, visibleFields } from './page-schema.ts';
import { accountPages } from './pages-account.ts';
import { consentPages } from './pages-consent.ts';
import { personPages } from './pages-person.ts';

/**
 * The journey is pure: from the answers alone it decides which pages a referral visits, where each
 * leads, and where a resumed draft opens. The field app, the schemas and the server all walk it.
 */
export const pages: readonly PageDef[] = [...accountPages, ...consentPages, ...personPages];
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

/** The audiences this referral may still turn out to be, from what is answered so far. */
function openAudiences(answers: Answers): readonly PageAudience[] {
  const path = pathOf(answers);
  if (path === 'dtn' && single(answers, 'cooperation') === 'yes') return ['dtn-cooperating'];
  if (path) return [path];
  return single(answers, 'underAge') === 'no' ? ['adult-nrm', 'dtn'] : ['child', 'adult-nrm', 'dtn'];
}

/**
 * Every page this referral's way passes, answered or not, in order: each page's next() from the
 * answers so far (an unanswered fork takes its default branch). Until age and consent settle the
 * path, only the pages every open path asks are on it, so the account can be told in any order while
 * nothing of one path is asked of another.
 */
export function way(answers: Answers): PageDef[] {
  const passed: PageDef[] = [];
  let page = byId.get(FIRST_PAGE);
  for (let steps = 0; page && steps <= pages.length; steps += 1) {
    passed.push(page);
    const next = page.next(answers);
    if (next === CHECK) break;
    page = byId.get(next);
  }
  const open = openAudiences(answers);
  return passed.filter((page) => open.every((audience) => page.on.includes(audience)));
}

/** The pages a responder may open now: any on this referral's way, in any order (the task list jumps to them). */
export function canVisit(pageId: string, answers: Answers): boolean {
  return way(answers).some((page) => page.id === pageId);
}

/** Where Continue leads from a page: its next page, or check your answers. */
export function nextPlace(pageId: string, answers: Answers): string {
  const page = byId.get(pageId);
  return page ? page.next(answers) : FIRST_PAGE;
}

/** Where the back link of a page leads: the page before it on this referral's way; undefined is the start. */
export function previousPage(pageId: string, answers: Answers): string | undefined {
  const passed = way(answers);
  const index = passed.findIndex((page) => page.id === pageId);
  if (index >= 0) return passed[index - 1]?.id;
  const { done } = walk(answers);
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

const ALL_PATHS: readonly PageAudience[] = ['child', 'adult-nrm', 'dtn'];
const ADULT_PATHS: readonly PageAudience[] = ['adult-nrm', 'dtn'];
const namesOn = (kept: readonly PageDef[]) => kept.flatMap((page) => page.fields.map((def) => def.name));
/** The answers asked only on pages that not every one of `audiences` is asked. */
function askedOnlyOnSome(audiences: readonly PageAudience[]): Set<string> {
  const askedOfAll = (page: PageDef) => audiences.every((audience) => page.on.includes(audience));
  const shared = new Set(namesOn(pages.filter(askedOfAll)));
  return new Set(namesOn(pages.filter((page) => !askedOfAll(page))).filter((name) => !shared.has(name)));
}
const pathAnswers = askedOnlyOnSome(ALL_PATHS);
const consentAnswers = askedOnlyOnSome(ADULT_PATHS);

/**
 * Answers to forget when a page's new answers change the path: changing age (child ↔ adult) or
 * consent asks the path's own pages again (consent, the person's details, the decision's address), and
 * a Duty to Notify report must not keep details the new path may not hold. The account, asked on
 * every path, is kept.
 */
export function answersToForget(before: Answers, after: Answers): string[] {
  const wasAdult = single(before, 'underAge') === 'no';
  const isAdult = single(after, 'underAge') === 'no';
  const ageChanged = single(before, 'underAge') !== undefined && wasAdult !== isAdult;
  const consentChanged = single(before, 'consent') !== undefined && single(before, 'consent') !== single(after, 'consent');
  if (ageChanged) return [...pathAnswers].filter((name) => before[name] !== undefined);
  if (consentChanged) return [...consentAnswers].filter((name) => name !== 'consent' && before[name] !== undefined);
  return [];
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
