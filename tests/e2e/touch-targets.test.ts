import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { pages, walk } from '../../src/shared/form/journey.ts';
import type { Answers } from '../../src/shared/form/model.ts';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { fillForm, openCheckWithEverySectionShown, sendFromCheck, showOutbox, unlockOrSetUp } from '../support/field-app.ts';
import { quickCapture, startEncounter } from '../support/encounter-app.ts';
import { photo } from '../support/evidence.ts';
import { adultEveryFork, examples } from '../support/referral-examples.ts';

const stack = useE2eStack();

/** The smallest target a gloved thumb can hit reliably (issue 16; WCAG 2.5.5, enhanced). */
const MIN = 44;

/** Between them these visit every page of the form (the forks the examples do not take, too). */
const journeys: Record<string, Answers> = {
  child: examples.child,
  'adult-nrm': {
    ...adultEveryFork,
    evidenceDescription: 'A photo of the room above the car wash.',
  },
  'dtn-cooperating': examples['dtn-cooperating'],
};

/** The decision going to someone else: reached by changing the adult journey's answer on check your answers. */
const toSomeoneElse: Answers = {
  decisionRecipient: 'someone-else',
  recipientBy: ['email'],
  recipientEmail: 'worker@example.org',
  recipientEmailSafe: 'yes',
  recipientPermission: 'yes',
};

/**
 * Every link, button, radio, checkbox, details summary and list option the screen shows, with a box
 * smaller than MIN in either direction. Radios and checkboxes are measured as GOV.UK draws them (the
 * invisible input over its 44 px circle or square). The skip link is measured as it appears: focused.
 */
async function smallTargets(page: Page, screen: string): Promise<string[]> {
  const found = await page.evaluate((min) => {
    const targets = 'a[href], button, input[type="radio"], input[type="checkbox"], input[type="file"], summary, [role="option"]';
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(targets)) {
      const skipLink = element.classList.contains('govuk-skip-link');
      if (!skipLink && !element.checkVisibility({ visibilityProperty: true })) continue;
      if (skipLink) element.focus();
      const box = element.getBoundingClientRect();
      if (skipLink) element.blur();
      // Sub-pixel layout: a box drawn at 43.99 px is 44 px on the screen.
      if (box.width + 0.5 >= min && box.height + 0.5 >= min) continue;
      const input = element instanceof HTMLInputElement ? element : undefined;
      const name = (input ? (input.labels?.[0]?.textContent ?? input.value) : (element.getAttribute('aria-label') ?? element.textContent ?? '')).trim().replace(/\s+/g, ' ').slice(0, 40);
      const kind = input ? input.type : element.getAttribute('role') ?? element.tagName.toLowerCase();
      small.push(`${kind} "${name}" ${Math.round(box.width)} × ${Math.round(box.height)}`);
    }
    return small;
  }, MIN);
  return found.map((entry) => `${screen}: ${entry}`);
}

/** The small targets found by one step, and how to report them at its end. */
function findings(page: Page) {
  const found: string[] = [];
  let screens = 0;
  return {
    measure: async (screen: string) => {
      screens += 1;
      found.push(...(await smallTargets(page, screen)));
    },
    /** Soft: a step that found small targets has still walked where it should, so the walk goes on. */
    expectNone: (what: string) => {
      console.log(`touch targets, ${what}: ${screens} screens measured, ${found.length} smaller than ${MIN} × ${MIN} px${found.length ? `\n${found.join('\n')}` : ''}`);
      expect.soft(found).toEqual([]);
    },
  };
}

/**
 * Each journey's pages in stretches short enough for a test each on a loaded machine: a page measured
 * for the first time costs about two pages only answered, and the end of a journey (check your
 * answers, send, confirmation) about six. The form's own tables (walk) only decide where a step stops.
 */
const BUDGET = 30;
function stretches() {
  const seen = new Set<string>();
  const out: { path: string; answers: Answers; from: number; to: number; of: number; stopAt: string }[] = [];
  for (const [path, answers] of Object.entries(journeys)) {
    const all = walk({ ...answers, caseLabel: `TOUCH-${path}` }).done.map((def) => def.id);
    let start = 0;
    let cost = 0;
    const close = (end: number) => {
      out.push({ path, answers, from: start + 1, to: end, of: all.length, stopAt: all[end] ?? 'check' });
      start = end;
      cost = 0;
    };
    for (const [index, id] of all.entries()) {
      const pageCost = (seen.has(id) ? 1 : 2) + (index === all.length - 1 ? 6 : 0);
      seen.add(id);
      if (index > start && cost + pageCost > BUDGET) close(index);
      cost += pageCost;
    }
    close(all.length);
  }
  return out;
}

async function attachPhoto(page: Page, measure: (screen: string) => Promise<void>): Promise<void> {
  await page.locator('#evidence-files').setInputFiles([{ name: 'room.jpg', mimeType: 'image/jpeg', buffer: await photo(page, 900, 600) }]);
  await page.getByTestId('evidence-count').filter({ hasText: '1 file attached' }).waitFor();
  // A camera JPEG goes as its smaller copy unless the responder keeps the original.
  await page.getByTestId('evidence-list').getByRole('button', { name: /^Use the original/ }).waitFor();
  await measure('evidence, a photo attached');
}

async function home(page: Page): Promise<void> {
  // In-app links only: a reload would lock the vault again.
  await page.getByRole('link', { name: 'NRM Field' }).click();
  await page.getByRole('heading', { name: /^Refer a potential victim/ }).waitFor();
}

describe('touch targets: every link, button, radio and checkbox at least 44 × 44 px on a 360 px phone', () => {
  let context: BrowserContext;
  let page: Page;
  const pagesSeen = new Set<string>();
  const steps = walkInSteps();

  beforeAll(async () => {
    ({ context, page } = await stack.newPage({ viewport: 'phone' }));
  });

  afterAll(async () => {
    await context?.close();
  });

  steps.step('on set up (with an error), the start page and the first page with an error', async () => {
    const { measure, expectNone } = findings(page);
    await page.goto(stack.server.baseUrl);
    await page.getByRole('heading', { name: 'Protect this device' }).waitFor();
    await measure('set up');
    await page.getByRole('button', { name: 'Protect this device' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await measure('set up, with an error');
    await unlockOrSetUp(page);
    await measure('start page');
    await page.getByRole('link', { name: 'Start a referral' }).click();
    await page.waitForURL(/\/case-label$/);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await measure('case label, with an error');
    expectNone('set up, start page, first page with an error');
  });

  for (const [index, { path, answers, from, to, of, stopAt }] of stretches().entries()) {
    const last = stopAt === 'check';
    steps.step(`on pages ${from}–${to} of ${of} of the ${path} journey${last ? ', its check your answers and its confirmation' : ''}`, async () => {
      const { measure, expectNone } = findings(page);
      if (from === 1 && index > 0) {
        await home(page);
        await page.getByRole('link', { name: 'Start a referral' }).click();
        await page.waitForURL(/\/case-label$/);
      }
      // Each page once, and the first page of every step, so that no step measures nothing.
      let first = true;
      const onPage = async (pageId: string) => {
        // One photo on the adult journey, so the evidence page shows its pending list and the description page comes.
        if (pageId === 'evidence' && answers.evidenceDescription) await attachPhoto(page, measure);
        if (pagesSeen.has(pageId) && !first) return;
        first = false;
        pagesSeen.add(pageId);
        await measure(pageId);
      };
      await fillForm(page, { ...answers, caseLabel: `TOUCH-${path}` }, { stopAt, onPage });
      if (last) {
        await page.getByRole('heading', { name: /^Check your answers/ }).waitFor();
        await measure(`check your answers (${path})`);
        await page.getByRole('link', { name: 'All sections' }).click();
        await page.getByTestId('task-list').waitFor();
        await measure(`task list (${path})`);
        await openCheckWithEverySectionShown(page);
        await measure(`check your answers, every section shown (${path})`);
        if (path === 'adult-nrm') {
          await page.getByRole('link', { name: /^Change\s+who should the decision be sent to/i }).click();
          await fillForm(page, { ...answers, ...toSomeoneElse, caseLabel: `TOUCH-${path}` }, { onPage });
          await page.getByRole('heading', { name: /^Check your answers/ }).waitFor();
        }
        await sendFromCheck(page);
        await measure(`confirmation (${path})`);
        console.log(`touch targets: ${pagesSeen.size} pages of the form measured after the ${path} journey`);
      }
      expectNone(`${path} journey, pages ${from}–${to}`);
    });
  }

  steps.step('on the type-ahead with suggestions, a draft on the start page and its delete page, outbox, settings, wipe, unlock and quick hide', async () => {
    const { measure, expectNone } = findings(page);
    await home(page);
    await page.getByRole('link', { name: 'Start a referral' }).click();
    await page.waitForURL(/\/case-label$/);
    await fillForm(page, { ...journeys.child, caseLabel: 'TOUCH-draft' }, { stopAt: 'organisation' });
    await page.locator('#organisation').fill('pol');
    await page.getByRole('option').first().waitFor();
    await measure('type-ahead with suggestions');
    await home(page);
    await measure('start page with a draft');
    // Deleting a draft asks on a page of its own, never in the browser's confirm() dialog.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: /^Delete\s+TOUCH-draft$/ }).click();
    await page.getByRole('heading', { name: 'Delete this draft?' }).waitFor();
    await measure('delete a draft');
    await page.getByRole('button', { name: 'Delete draft' }).click();
    await page.getByRole('heading', { name: /^Refer a potential victim/ }).waitFor();
    await page.getByRole('link', { name: /^Delete\s+TOUCH-draft$/ }).waitFor({ state: 'detached' });
    expect(dialogs).toEqual([]);
    await showOutbox(page);
    await measure('outbox');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Settings and safety' }).waitFor();
    await measure('settings');
    await page.getByRole('link', { name: 'Wipe this device' }).click();
    await page.getByRole('heading', { name: 'Wipe everything on this device?' }).waitFor();
    await measure('wipe');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Unlock NRM Field' }).waitFor();
    await measure('unlock');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Notes' }).waitFor();
    await measure('quick hide');
    await page.getByRole('button', { name: 'Continue' }).click();
    await unlockOrSetUp(page);
    expectNone('other screens');
    expect(pages.map((def) => def.id).filter((id) => !pagesSeen.has(id)), 'pages of the form the walk did not measure').toEqual([]);
  });

  steps.step('on the encounter screens: start, quick capture and the encounter with a person', async () => {
    const { measure, expectNone } = findings(page);
    await home(page);
    await page.getByRole('link', { name: 'Start an encounter' }).click();
    await page.getByRole('heading', { name: 'Start an encounter' }).waitFor();
    await measure('start an encounter');
    await home(page);
    await startEncounter(page, { operation: 'Operation Touch', place: 'Harbour Street, Leeds', policeForce: 'West Yorkshire Police', crimeReference: 'TOUCH-1', officers: 'DC Sam Okafor' });
    await measure('encounter, nobody yet');
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByRole('heading', { name: 'Quick capture' }).waitFor();
    await measure('quick capture');
    await quickCapture(page, examples['adult-nrm'], 'back');
    await page.getByTestId('encounter-person').first().waitFor();
    await measure('encounter, one person');
    expectNone('encounter screens');
  });
});
