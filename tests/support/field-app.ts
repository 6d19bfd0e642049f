import type { Locator, Page } from 'playwright-core';
import BetterSqlite3 from 'better-sqlite3';
import { formContent } from '../../src/app/form/content.ts';
import { pageById } from '../../src/shared/form/journey.ts';
import type { AnswerValue, Answers, FieldDef, PageDef } from '../../src/shared/form/model.ts';
import { visibleFields } from '../../src/shared/form/page-schema.ts';
import { examples } from './referral-examples.ts';

export const PASSPHRASE = 'lantern harbour pebble';

/** Gets past the vault: sets it up on a new device, or unlocks it. */
export async function unlockOrSetUp(page: Page, passphrase = PASSPHRASE): Promise<void> {
  const setup = page.getByRole('heading', { name: 'Protect this device' });
  const unlock = page.getByRole('heading', { name: 'Unlock NRM Field' });
  await setup.or(unlock).waitFor();
  if (await setup.isVisible()) {
    await page.locator('#passphrase').fill(passphrase);
    await page.locator('#passphrase-again').fill(passphrase);
    await page.getByRole('button', { name: 'Protect this device' }).click();
  } else {
    await page.locator('#unlock-passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
  }
  await page.getByRole('button', { name: 'Lock' }).waitFor({ timeout: 30_000 });
}

/** Opens a page of the app and gets past the vault. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await unlockOrSetUp(page);
}

const AGE_EXAMPLES = {
  'Under 18': examples.child,
  'Not sure': { ...examples.child, underAge: 'not-sure' },
  '18 or over': examples['adult-nrm'],
} as const;

/** Types into a type-ahead and taps the suggestion, as a responder does. */
async function chooseFromList(page: Page, input: Locator, value: string): Promise<void> {
  // Already there (filled in by the app): a responder leaves it.
  if ((await input.inputValue()) === value) return;
  await input.fill(value);
  await page.getByRole('option', { name: value, exact: true }).click();
}

async function fillField(page: Page, def: FieldDef, value: AnswerValue | undefined): Promise<void> {
  if (value === undefined) return;
  const one = typeof value === 'string' ? value : (value[0] ?? '');
  const byId = (id: string) => page.locator(`[id="${id}"]`);
  switch (def.kind) {
    case 'radios':
      return page.locator(`input[name="${def.name}"][value="${one}"]`).check();
    case 'checkboxes':
      // A list that must be done in full is confirmed with one tick.
      if (def.requireAll) return byId(def.name).check();
      for (const entry of value) await page.locator(`input[name="${def.name}"][value="${entry}"]`).check();
      return;
    case 'confirm':
      return byId(def.name).check();
    case 'date': {
      const [year = '', month = '', day = ''] = one.split('-');
      await byId(def.name).fill(day);
      await byId(`${def.name}-month`).fill(month);
      return byId(`${def.name}-year`).fill(year);
    }
    case 'places': {
      const entries = typeof value === 'string' ? [value] : value;
      for (const [index, entry] of entries.entries()) {
        if (index > 0) await page.getByRole('button', { name: formContent.places.add(def.label), exact: true }).click();
        await chooseFromList(page, byId(index === 0 ? def.name : `${def.name}-${index + 1}`), entry);
      }
      return;
    }
    case 'typeahead':
      return chooseFromList(page, byId(def.name), one);
    default:
      return byId(def.name).fill(one);
  }
}

/**
 * The questions of a page to answer from `answers`: those the answers show, and those shown on the page
 * by an answer the app filled in itself (quick capture's age opens "under 18 at the time?").
 */
async function fieldsToFill(page: Page, def: PageDef, answers: Answers): Promise<FieldDef[]> {
  const shown = visibleFields(def, answers);
  const carried = def.fields.filter((field) => !shown.includes(field) && field.shownWhen && answers[field.shownWhen.field] === undefined && answers[field.name] !== undefined);
  for (const field of carried) if ((await page.locator(`[name="${field.name}"], [id="${field.name}"]`).count()) > 0) shown.push(field);
  return def.fields.filter((field) => shown.includes(field));
}

/**
 * Answers every page the form shows, from wherever the draft is, until check your answers: the
 * pages come from the form's own tables, so a new question needs no change here.
 */
export async function fillForm(
  page: Page,
  answers: Answers,
  { stopAt = 'check', onPage, saveDetails = false }: { stopAt?: string; onPage?: (pageId: string) => Promise<void>; saveDetails?: boolean } = {},
): Promise<void> {
  for (let pages = 0; pages < 80; pages += 1) {
    const here = new URL(page.url()).pathname;
    const pageId = /^\/referral\/[0-9a-f-]{36}\/([a-z0-9-]+)$/.exec(here)?.[1];
    if (pageId === stopAt || pageId === 'check') return;
    if (pageId === 'save-details') {
      // The one-off offer to keep the responder's details: declined unless the walk asks to keep them.
      await page.getByRole('button', { name: saveDetails ? 'Yes, save my details' : 'No, ask me each time' }).click();
      await page.waitForURL((url) => url.pathname !== here);
      continue;
    }
    const def = pageId ? pageById(pageId) : undefined;
    if (!def) throw new Error(`fillForm: ${here} is not a page of the form`);
    // Every page ends with Continue (a form's submit button, or the evidence page's own button), but
    // "Your details" (the responder's saved details read back) ends with Confirm.
    const details = page.getByTestId('your-details');
    await page.getByRole('button', { name: 'Continue', exact: true }).or(details).first().waitFor();
    // Pages the saved details answer are passed on the way: the page shown is another one.
    if (new URL(page.url()).pathname !== here) continue;
    if (await details.isVisible()) {
      await page.getByRole('button', { name: 'Confirm', exact: true }).click();
      await page.waitForURL((url) => url.pathname !== here);
      continue;
    }
    await onPage?.(def.id);
    for (const field of await fieldsToFill(page, def, answers)) await fillField(page, field, answers[field.name]);
    await page.getByRole('button', { name: 'Continue' }).click();
    const problem = page.locator('.govuk-error-summary');
    await Promise.race([page.waitForURL((url) => url.pathname !== here), problem.waitFor()]).catch(async (error: unknown) => {
      throw new Error(`fillForm: ${pageId} did not move on: ${(await page.locator('main').innerText()).slice(0, 400)}`, { cause: error });
    });
    if (new URL(page.url()).pathname === here) throw new Error(`fillForm: ${pageId} refused the answers: ${await problem.innerText()}`);
  }
  throw new Error('fillForm: the form did not reach check your answers');
}

/** Starts a referral from the start page and fills every page from `answers`, as a responder would. */
export async function startAndFill(page: Page, answers: Answers, onPage?: (pageId: string) => Promise<void>): Promise<void> {
  // In-app links only: a reload would lock the vault again.
  await page.getByRole('link', { name: 'NRM Field' }).click();
  await page.getByRole('link', { name: 'Start a referral' }).click();
  await page.waitForURL(/\/case-label$/);
  await fillForm(page, answers, { onPage });
  await page.getByRole('heading', { name: /^Check your answers/ }).waitFor();
}

/**
 * Opens check your answers from the task list and shows every folded section. It waits for the page
 * before counting, and for each section to open before the next, so a slow render never leaves one folded.
 */
export async function openCheckWithEverySectionShown(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Check your answers' }).click();
  await page.getByRole('heading', { name: /^Check your answers/ }).waitFor();
  // Each Show becomes Hide once pressed, so the first Show left is the next to open.
  const shows = page.getByRole('button', { name: /^Show / });
  for (let left = await shows.count(); left > 0; left -= 1) {
    await shows.first().click();
    await page.getByRole('button', { name: /^Show / }).nth(left - 1).waitFor({ state: 'detached' });
  }
}

/** Sends from check your answers and waits for the confirmation (or the needs-attention page). */
export async function sendFromCheck(page: Page, { awaitConfirmation = true }: { awaitConfirmation?: boolean } = {}): Promise<void> {
  await page.getByRole('button', { name: /^Accept and send/ }).click();
  if (!awaitConfirmation) return;
  const confirmation = page.getByRole('heading', { name: /(Referral|Duty to Notify report) (saved and queued|sent)|needs your attention/ });
  const problem = page.locator('.govuk-error-summary');
  await confirmation.or(problem).waitFor();
  if (await problem.isVisible()) throw new Error(`sendFromCheck: the referral was refused: ${await problem.innerText()}`);
}

/** Fills and sends a complete referral of the path `age` decides, with `account` as how it started. */
export async function submitReferral(
  page: Page,
  caseLabel: string,
  age: keyof typeof AGE_EXAMPLES,
  account: string,
  options: { awaitConfirmation?: boolean } = {},
): Promise<void> {
  await startAndFill(page, { ...AGE_EXAMPLES[age], caseLabel, howStarted: account });
  await sendFromCheck(page, options);
}

/** Opens the outbox from the header's status line, without reloading. */
export async function showOutbox(page: Page): Promise<void> {
  await page.getByTestId('status-line').getByRole('link').click();
  await page.getByRole('heading', { name: 'Outbox' }).waitFor();
}

export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** The rows the server stored, read straight from its SQLite file. */
export function storedReferrals(sqliteFile: string): { id: string; reference: string; path: string; schema_version: number }[] {
  const db = new BetterSqlite3(sqliteFile, { readonly: true });
  try {
    return db.prepare('select id, reference, path, schema_version from referrals order by received_at').all() as never;
  } finally {
    db.close();
  }
}

/** The id of the outbox item with this case label, as the outbox page shows it (labels are encrypted at rest). */
export async function outboxIdOf(page: Page, caseLabel: string): Promise<string> {
  const id = await page.getByTestId('outbox-item').filter({ hasText: caseLabel }).getAttribute('data-id');
  if (!id) throw new Error(`no outbox item ${caseLabel}`);
  return id;
}

/** Signs in on the field app's Settings page and enrols the device, as a responder does once. */
export async function enrolOnDevice(page: Page, account: { email: string; password: string }, label = 'Team phone'): Promise<void> {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Work email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('A name for this device').fill(label);
  await page.getByRole('button', { name: 'Sign in and enrol this device' }).click();
  await page.getByTestId('enrolment').getByText(/This device is enrolled/).waitFor();
}
